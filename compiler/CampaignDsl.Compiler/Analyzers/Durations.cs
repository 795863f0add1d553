using System.Globalization;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>Durations and times of day written the way campaigns write them, for messages.</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration)
    {
        var sign = duration < TimeSpan.Zero ? "-" : "";
        var d = duration.Duration();
        return sign + (d.TotalMinutes % (24 * 60) == 0 ? $"{(long)d.TotalDays}d"
            : d.TotalMinutes % 60 == 0 ? $"{(long)d.TotalHours}h"
            : $"{(long)d.TotalMinutes}m");
    }

    /// <summary><c>5d..7d</c>, or <c>5d</c> when both ends are the same.</summary>
    public static string Range(TimeSpan shortest, TimeSpan longest) =>
        shortest == longest ? Format(shortest) : $"{Format(shortest)}..{Format(longest)}";

    public static string Days(decimal days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Clock(int minuteOfDay) =>
        new TimeOnly(minuteOfDay / 60 % 24, minuteOfDay % 60).ToString("HH:mm", CultureInfo.InvariantCulture);
}
