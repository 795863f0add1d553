using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// Where inside its timing window <c>min..max</c> after the anchor a stage lands. With send-time optimisation,
/// at the contact's most active local hour (from opens, clicks and purchases before the anchor), on the first day
/// of the window that falls on its most active weekday, else on the first day of the window; otherwise, or when that hour does not fall inside the window or there is no history, at
/// a point spread by a stable hash of campaign, contact and stage, so runs repeat and contacts do not all land at once.
/// </summary>
public static class StagePlacement
{
    private static readonly string[] ActivityEvents = ["email.open", "email.click", "purchase"];

    public static DateTimeOffset Place(
        PlanTiming timing, DateTimeOffset anchor, string campaign, string stage, ContactHistory history, TimeZoneInfo zone, bool optimise, long seed = 0)
    {
        var earliest = anchor.AddSeconds(timing.MinSeconds);
        var latest = anchor.AddSeconds(Math.Max(timing.MinSeconds, timing.MaxSeconds));
        if (earliest == latest)
        {
            return earliest;
        }

        if (optimise && MostActive(history, anchor, zone) is var (hour, weekday))
        {
            // Every day of the window at that hour; the most active weekday among them, else the first.
            var slots = new List<DateTimeOffset>();
            for (var day = DateOnly.FromDateTime(LocalClock.ToLocal(earliest, zone)); ; day = day.AddDays(1))
            {
                var at = LocalClock.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
                if (at > latest)
                {
                    break;
                }

                if (at >= earliest)
                {
                    slots.Add(at);
                }
            }

            if (slots.Count > 0)
            {
                return slots.FirstOrDefault(s => LocalClock.ToLocal(s, zone).DayOfWeek == weekday, slots[0]);
            }
        }

        var span = (ulong)(latest - earliest).TotalSeconds + 1;
        var offset = StableHash.Of(campaign, history.Contact.Id, stage, seed.ToString(System.Globalization.CultureInfo.InvariantCulture)) % span;
        return earliest.AddSeconds(offset);
    }

    /// <summary>
    /// The local hour and the weekday with the most activity before <paramref name="until"/>, each counted on its own,
    /// the earliest on a tie (weeks start on Sunday); null without activity.
    /// </summary>
    public static (int Hour, DayOfWeek Weekday)? MostActive(ContactHistory history, DateTimeOffset until, TimeZoneInfo zone)
    {
        var hours = new int[24];
        var weekdays = new int[7];
        var any = false;
        var clock = ActivityClock.Of(history, zone);
        var events = history.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].At <= until && clock.Moments[i] is var (hour, weekday) && hour >= 0)
            {
                hours[hour]++;
                weekdays[(int)weekday]++;
                any = true;
            }
        }

        return any ? (Array.IndexOf(hours, hours.Max()), (DayOfWeek)Array.IndexOf(weekdays, weekdays.Max())) : null;
    }

    /// <summary>
    /// The local hour and weekday of each activity event of one history in one zone (hour -1 for other events), kept for
    /// the history the thread placed last: every stage of a contact asks again, and converting times between zones
    /// costs more than all the rest of placing. A history that grew since (a forecast adds events) is converted again.
    /// </summary>
    private sealed class ActivityClock(ContactHistory history, int count, TimeZoneInfo zone, (int Hour, DayOfWeek Weekday)[] moments)
    {
        [ThreadStatic]
        private static ActivityClock? t_last;

        public (int Hour, DayOfWeek Weekday)[] Moments { get; } = moments;

        public static ActivityClock Of(ContactHistory history, TimeZoneInfo zone)
        {
            var events = history.Events;
            if (t_last is { } last && ReferenceEquals(last._history, history) && last._count == events.Count && ReferenceEquals(last._zone, zone))
            {
                return last;
            }

            var moments = new (int, DayOfWeek)[events.Count];
            for (var i = 0; i < moments.Length; i++)
            {
                var e = events[i];
                if (IsActivity(e.Type))
                {
                    var local = LocalClock.ToLocal(e.At, zone);
                    moments[i] = (local.Hour, local.DayOfWeek);
                }
                else
                {
                    moments[i] = (-1, default);
                }
            }

            return t_last = new ActivityClock(history, events.Count, zone, moments);
        }

        private readonly ContactHistory _history = history;
        private readonly int _count = count;
        private readonly TimeZoneInfo _zone = zone;

        private static bool IsActivity(string type)
        {
            foreach (var activity in ActivityEvents)
            {
                if (string.Equals(type, activity, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
