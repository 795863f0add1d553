using System.Collections.Concurrent;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// Conversions between UTC instants and a contact's wall-clock time. A wall-clock time that does not exist
/// (the hour skipped when summer time starts) moves forward by the gap; one that happens twice (the hour
/// repeated when it ends) means its first occurrence, so a send is never placed twice nor skipped.
/// </summary>
public static class LocalClock
{
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap, applied to the skipped time, lands the same distance past the gap's end.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var first = offsets.Max();
            return new DateTimeOffset(local - first, TimeSpan.Zero);
        }

        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    /// <summary>
    /// Every instant at which the wall clock reads <paramref name="local"/>: none in a skipped hour, two in a repeated
    /// one (summer time first), else one.
    /// </summary>
    public static IEnumerable<DateTimeOffset> Occurrences(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return [];
        }

        if (zone.IsAmbiguousTime(local))
        {
            return zone.GetAmbiguousTimeOffsets(local).OrderDescending().Select(offset => new DateTimeOffset(local - offset, TimeSpan.Zero)).ToList();
        }

        return [new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero)];
    }

    /// <summary>
    /// The instants in (<paramref name="from"/>, <paramref name="to"/>] at which the zone's offset changes (the first
    /// instant of the new offset), at most one: zones change their clocks months apart, and callers look days ahead.
    /// </summary>
    public static IEnumerable<DateTimeOffset> Changes(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var before = zone.GetUtcOffset(from);
        if (zone.GetUtcOffset(to) == before)
        {
            yield break;
        }

        // Offsets change on whole seconds: halve the interval down to one second.
        long low = from.ToUnixTimeSeconds(), high = to.ToUnixTimeSeconds();
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(mid)) == before)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        yield return DateTimeOffset.FromUnixTimeSeconds(high);
    }

    // The scheduler asks for a contact's zone at every step; the system's lookup takes a lock and compares ids
    // ignoring case each time, so the answers (also "unknown") are kept. Few distinct ids exist; the cap guards odd data.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>The zone for an IANA id; null when the id is unknown here.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (Zones.TryGetValue(id, out var known))
        {
            return known;
        }

        TimeZoneInfo? zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
        }

        if (Zones.Count < 10_000)
        {
            Zones[id] = zone;
        }

        return zone;
    }
}
