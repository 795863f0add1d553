using System.Globalization;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>Reads a lint rule option's value as its kind says, written as it would be in a campaign (<c>40%</c>, <c>14d</c>).</summary>
internal static partial class LintOptionValues
{
    public static LintOptionValue? Read(ConfigurationReader reader, YamlEntry option, LintOptionKind kind)
    {
        var expected = Expected(kind);
        if (kind == LintOptionKind.List)
        {
            return reader.TextList(option, expected) is { } items
                ? new ListOptionValue([.. items.Select(i => i.Text)], reader.AtValue(option))
                : null;
        }

        if (reader.Text(option, expected) is not { } text)
        {
            return null;
        }

        var at = reader.AtValue(option);
        LintOptionValue? value = kind switch
        {
            LintOptionKind.Percent => Percent(text, at),
            LintOptionKind.Number => TryNumber(text, out var number) ? new NumberOptionValue(number, at) : null,
            LintOptionKind.Duration => Duration(text, at),
            _ => new TextOptionValue(text, at),
        };

        if (value is null)
        {
            reader.Report(DiagnosticCatalog.ConfigurationValueKind(at, option.Path, expected, YamlValues.Describe(option.Value)));
        }

        return value;
    }

    private static string Expected(LintOptionKind kind) => kind switch
    {
        LintOptionKind.Percent => "a percentage from 0% to 100%, such as 40%",
        LintOptionKind.Number => "a number such as 5 or 2.5",
        LintOptionKind.Duration => "a duration above zero such as 72h, 14d or 2w",
        LintOptionKind.List => "a list such as [winback, reengagement]",
        _ => "a text",
    };

    private static PercentOptionValue? Percent(string text, SourceLocation at) =>
        text.EndsWith('%') && TryNumber(text[..^1], out var percent) && percent is >= 0 and <= 100
            ? new PercentOptionValue(percent, at)
            : null;

    private static DurationOptionValue? Duration(string text, SourceLocation at)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount is 0 or > 1_000_000)
        {
            return null;
        }

        var span = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(7 * amount),
        };
        return new DurationOptionValue(span, at);
    }

    private static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    [GeneratedRegex("^([0-9]+)([mhdw])$")]
    private static partial Regex DurationPattern();
}
