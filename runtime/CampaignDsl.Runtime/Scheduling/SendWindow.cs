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

    /// <summary>The first instant at or after <paramref name="instant"/> whose local time the window allows.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(instant, zone);
        if (Allows(TimeOnly.FromDateTime(local)))
        {
            return instant;
        }

        // The allowed stretch can only begin where the window opens or the quiet hours end.
        var openings = new List<TimeOnly>();
        if (_window is { } w)
        {
            openings.Add(w.Start);
        }

        if (_quiet is { } q)
        {
            openings.Add(q.End);
        }

        var candidates = new List<DateTimeOffset>();
        for (var day = 0; day <= 2; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            foreach (var opening in openings)
            {
                var utc = LocalClock.ToUtc(date.ToDateTime(opening), zone);
                if (utc > instant && Allows(TimeOnly.FromDateTime(LocalClock.ToLocal(utc, zone))))
                {
                    candidates.Add(utc);
                }
            }
        }

        // A window and quiet hours that leave no time at all: send when the window opens, as the window is the stronger promise.
        return candidates.Count > 0 ? candidates.Min() : instant;
    }

    private static bool Inside(TimeOnly time, TimeOnly start, TimeOnly end) =>
        start <= end ? time >= start && time < end : time >= start || time < end;

    private static TimeOnly Parse(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
