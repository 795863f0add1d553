using System.Globalization;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>Durations as the language writes them (<c>7d</c>, <c>72h</c>, <c>30m</c>), for reasons in the timeline.</summary>
public static class Durations
{
    public static string Format(long seconds) =>
        seconds % 86400 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400}d")
        : seconds % 3600 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h")
        : seconds % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds}s");
}
