using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>A moment a contact may enter a campaign, with the event that triggers it (for <c>entry on</c>).</summary>
public sealed record EntryChance(DateTimeOffset At, ContactEvent? Event = null);

/// <summary>
/// The moments in the simulated period at which a contact is checked for entry: the start (<c>once</c>), the
/// start of every simulated day (<c>daily</c>), every event of the entry type (<c>on event</c>), the date in a
/// date attribute at the entry time in the contact's zone (<c>on date</c>), and that date's day and month in each
/// later year (<c>on anniversary</c>; 29 February falls on 28 February in other years).
/// </summary>
public static class EntryCalendar
{
    public static IEnumerable<EntryChance> Chances(PlanEntry entry, ContactHistory history, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        switch (entry.Mode)
        {
            case EntryModes.Once:
                yield return new EntryChance(start);
                break;
            case EntryModes.Daily:
                foreach (var day in DailyChecks(start, start, end))
                {
                    yield return new EntryChance(day);
                }

                break;
            case EntryModes.Event:
                foreach (var e in history.Events)
                {
                    if (e.At >= start && e.At < end && string.Equals(e.Type, entry.Event, StringComparison.Ordinal))
                    {
                        yield return new EntryChance(e.At, e);
                    }
                }

                break;
            case EntryModes.Date:
            case EntryModes.Anniversary:
                if (DateOf(entry.Attribute, history.Contact, zone) is not { } date)
                {
                    yield break;
                }

                var time = entry.At is null ? TimeOnly.MinValue : TimeOnly.ParseExact(entry.At, "HH:mm", CultureInfo.InvariantCulture);
                if (entry.Mode == EntryModes.Date)
                {
                    var at = LocalClock.ToUtc(date.ToDateTime(time), zone);
                    if (at >= start && at < end)
                    {
                        yield return new EntryChance(at);
                    }

                    yield break;
                }

                var firstYear = LocalClock.ToLocal(start, zone).Year;
                var lastYear = LocalClock.ToLocal(end, zone).Year;
                for (var year = Math.Max(firstYear, date.Year + 1); year <= lastYear; year++)
                {
                    var day = Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month));
                    var at = LocalClock.ToUtc(new DateOnly(year, date.Month, day).ToDateTime(time), zone);
                    if (at >= start && at < end)
                    {
                        yield return new EntryChance(at);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The moments an <c>entry daily</c> campaign that started at <paramref name="start"/> checks its audience in
    /// [<paramref name="from"/>, <paramref name="until"/>): its start, then every midnight UTC after it. A simulation and a real
    /// run use the same moments, whatever the time of day either started at.
    /// </summary>
    public static IEnumerable<DateTimeOffset> DailyChecks(DateTimeOffset start, DateTimeOffset from, DateTimeOffset until)
    {
        for (var day = start; day < until; day = NextMidnight(day))
        {
            if (day >= from)
            {
                yield return day;
            }
        }
    }

    /// <summary>The first midnight UTC after <paramref name="at"/>.</summary>
    public static DateTimeOffset NextMidnight(DateTimeOffset at) => new(at.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    private static DateOnly? DateOf(string? attribute, Contact contact, TimeZoneInfo zone)
    {
        if (attribute is null)
        {
            return null;
        }

        if (attribute == "created_at")
        {
            return contact.CreatedAt is { } created ? DateOnly.FromDateTime(LocalClock.ToLocal(created, zone)) : null;
        }

        return contact.Attributes.TryGetValue(attribute, out var value)
            ? value switch
            {
                DateValue d => d.Value,
                InstantValue i => DateOnly.FromDateTime(LocalClock.ToLocal(i.Value, zone)),
                _ => null,
            }
            : null;
    }
}
