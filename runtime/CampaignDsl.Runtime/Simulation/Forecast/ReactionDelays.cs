using System.Globalization;

namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>
/// A documented range of delays, both ends included: a reaction comes at least <paramref name="Min"/> and at most
/// <paramref name="Max"/> after what it reacts to. <see cref="At"/> is the only way the forecast turns a draw into a
/// delay, so no fixed offset can push a reaction past the end of its range.
/// </summary>
public sealed record DelayRange(TimeSpan Min, TimeSpan Max)
{
    /// <summary>The delay at <paramref name="fraction"/> (in [0, 1)) of the range, in whole seconds from <see cref="Min"/>.</summary>
    public TimeSpan At(double fraction) => Min + TimeSpan.FromSeconds(Math.Floor((Max - Min).TotalSeconds * fraction));

    public bool Contains(TimeSpan delay) => delay >= Min && delay <= Max;

    /// <summary>As docs/runtime.md writes it: <c>5 minutes to 36 hours</c>.</summary>
    public override string ToString() => Min == Max ? Text(Min) : $"{Text(Min)} to {Text(Max)}";

    // Whole and half hours in hours (24.5 hours), anything else in minutes.
    private static string Text(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalMinutes % 30 == 0 ? Count(span.TotalHours, "hour") : Count(span.TotalMinutes, "minute");

    private static string Count(double value, string unit) =>
        value.ToString("0.#", CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? "" : "s");
}

/// <summary>
/// When the benchmark forecast's reactions come, each measured from what it reacts to: the one place these bounds
/// live. docs/runtime.md ("Engagement forecast") states the same ranges, and a test holds the two together.
/// </summary>
public static class ReactionDelays
{
    /// <summary>An open, after the send.</summary>
    public static DelayRange Open { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(36));

    /// <summary>A click, after the open.</summary>
    public static DelayRange Click { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(31));

    /// <summary>
    /// A purchase, after the open. It also comes at least <see cref="DelayRange.Min"/> after the click when there is
    /// one, and, the click being after the open, so at most <see cref="DelayRange.Max"/> after the click too.
    /// </summary>
    public static DelayRange Purchase { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromHours(35));

    /// <summary>An unsubscribe from an opened message, after the open.</summary>
    public static DelayRange UnsubscribeAfterOpen { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2));

    /// <summary>An unsubscribe from a message never opened, after the send.</summary>
    public static DelayRange UnsubscribeUnopened { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(24.5));

    /// <summary>Every reaction is in within this long of its send: the latest open, then the latest purchase after it, fit.</summary>
    public static TimeSpan ReactionWindow { get; } = TimeSpan.FromHours(72);
}
