using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics.Checks;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Reads <c>runtime.forecast</c>: <c>organic</c>, and a block per campaign type with <c>open</c>, <c>click</c>,
/// <c>conversion</c> and <c>unsubscribe</c>, each a percentage (docs/configuration.md, docs/runtime.md "Engagement forecast").
/// </summary>
internal static class ForecastSection
{
    public const string Key = "forecast";

    private const string Expected = "a percentage from 0% to 100%, such as 14% or 0.8%";

    private static readonly string[] Rates = ["open", "click", "conversion", "unsubscribe"];

    public static ForecastSettings Read(ConfigurationReader reader, YamlEntry section)
    {
        decimal? organic = null;
        var types = ImmutableSortedDictionary.CreateBuilder<string, ForecastRateSettings>(StringComparer.Ordinal);
        var known = SettingCatalog.CampaignTypes.Prepend("organic").ToList();
        foreach (var entry in reader.Known(reader.Entries(section, "reengagement: { open: 14% }"), section.Path, known))
        {
            if (entry.Key == "organic")
            {
                organic = Percent(reader, entry);
            }
            else if (Type(reader, entry) is { } rates)
            {
                types[entry.Key] = rates;
            }
        }

        return new ForecastSettings(organic, types.ToImmutable());
    }

    private static ForecastRateSettings? Type(ConfigurationReader reader, YamlEntry block)
    {
        var rates = new ForecastRateSettings();
        var entries = reader.Known(reader.Entries(block, "open: 14%"), block.Path, Rates).ToList();
        foreach (var entry in entries)
        {
            var value = Percent(reader, entry);
            rates = entry.Key switch
            {
                "open" => rates with { Open = value },
                "click" => rates with { Click = value },
                "conversion" => rates with { Conversion = value },
                _ => rates with { Unsubscribe = value },
            };
        }

        // Clicks and conversions follow opens; a rate above the open rate given beside it cannot be met.
        if (rates.Open is { } open)
        {
            foreach (var (key, rate) in new[] { ("click", rates.Click), ("conversion", rates.Conversion) })
            {
                if (rate > open && entries.FirstOrDefault(e => e.Key == key) is { } entry)
                {
                    reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, entry.Text ?? "",
                        $"a percentage no higher than `open` ({Format(open)}), since only opened mail leads to a {key}", null));
                    return null;
                }
            }
        }

        return rates;
    }

    private static decimal? Percent(ConfigurationReader reader, YamlEntry entry)
    {
        if (reader.Text(entry, Expected) is not { } text)
        {
            return null;
        }

        if (text.EndsWith('%')
            && decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent <= 100)
        {
            return percent;
        }

        reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, text, Expected, null));
        return null;
    }

    private static string Format(decimal percent) => percent.ToString("0.####", CultureInfo.InvariantCulture) + "%";
}
