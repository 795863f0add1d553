using System.Globalization;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Reads <c>plugin_time_limit</c>: how long one call into a plugin script may take (each call to a function it adds, and
/// the script's own run) before campaignc stops it and the command. Milliseconds, seconds or minutes, from 1 ms to
/// <see cref="Maximum"/>; a value out of range or without a unit is CDSL0077 at the value, and the default stands.
/// </summary>
internal static partial class PluginTimeLimitSection
{
    public const string Key = "plugin_time_limit";

    /// <summary>Far beyond any call that runs per contact; a limit longer than this is no limit.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(10);

    private const string Expected = "a duration from 1ms to 10m with its unit, such as 500ms, 5s or 1m";

    public static TimeSpan Read(ConfigurationReader reader, YamlEntry entry)
    {
        if (reader.Text(entry, Expected) is not { } text)
        {
            return ProjectConfiguration.DefaultPluginTimeLimit;
        }

        if (Parse(text.Trim()) is { } limit)
        {
            return limit;
        }

        reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, text, Expected, null));
        return ProjectConfiguration.DefaultPluginTimeLimit;
    }

    private static TimeSpan? Parse(string text)
    {
        var match = LimitPattern().Match(text);
        // Nine digits at most: enough for 10 minutes in milliseconds, and no overflow on the way to the range check.
        if (!match.Success || !long.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var limit = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            _ => TimeSpan.FromMinutes(amount),
        };
        return limit > TimeSpan.Zero && limit <= Maximum ? limit : null;
    }

    [GeneratedRegex("^(?<amount>[0-9]{1,9})(?<unit>ms|s|m)$")]
    private static partial Regex LimitPattern();
}
