using System.Globalization;
using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// The local times a campaign may send at: inside <c>send_window</c> (when set) and outside
/// <c>quiet_hours</c> (when set), both in the contact's own time zone and possibly running past midnight.
/// </summary>
public sealed class SendWindow
{
    private readonly (TimeOnly Start, TimeOnly End)? _window;
    private readonly (TimeOnly Start, TimeOnly End)? _quiet;

    public SendWindow(PlanDailyWindow? window, PlanDailyWindow? quiet)
    {
        _window = window is null ? null : (Parse(window.Start), Parse(window.End));
        _quiet = quiet is null ? null : (Parse(quiet.Start), Parse(quiet.End));
    }

    public static SendWindow Always { get; } = new(null, null);

    public bool Allows(TimeOnly time) =>
        (_window is not { } w || Inside(time, w.Start, w.End)) && (_quiet is not { } q || !Inside(time, q.Start, q.End));

    /// <summary>
    /// The first instant at or after <paramref name="instant"/> whose local time the window allows. An instant is
    /// judged by the wall clock's reading at it alone, so across a change of the clocks a boundary in the skipped hour
    /// takes effect when the clocks jump, and one in the repeated hour holds in both passes through it (docs/runtime.md,
    /// "Send windows and quiet hours").
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(instant, zone);
        if (Allows(TimeOnly.FromDateTime(local)))
        {
            return instant;
        }

        // The wall clock enters an allowed stretch either by reaching the window's opening or the quiet hours' end,
        // at every instant it reads that time (twice in a repeated hour, never in a skipped one), or by jumping into it.
        var openings = new List<TimeOnly>();
        if (_window is { } w)
        {
            openings.Add(w.Start);
        }

        if (_quiet is { } q)
        {
            openings.Add(q.End);
        }

        DateTimeOffset? best = null;
        void Consider(DateTimeOffset candidate)
        {
            if (candidate > instant && (best is null || candidate < best) && Allows(TimeOnly.FromDateTime(LocalClock.ToLocal(candidate, zone))))
            {
                best = candidate;
            }
        }

        for (var day = -1; day <= 2; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            foreach (var opening in openings)
            {
                foreach (var utc in LocalClock.Occurrences(date.ToDateTime(opening), zone))
                {
                    Consider(utc);
                }
            }
        }

        foreach (var change in LocalClock.Changes(instant, instant.AddDays(3), zone))
        {
            Consider(change);
        }

        // A window and quiet hours that leave no time at all: send when the window opens, as the window is the stronger promise.
        return best ?? instant;
    }

    private static bool Inside(TimeOnly time, TimeOnly start, TimeOnly end) =>
        start <= end ? time >= start && time < end : time >= start || time < end;

    private static TimeOnly Parse(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
