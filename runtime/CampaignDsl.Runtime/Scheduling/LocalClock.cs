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
