using System.Collections.Concurrent;
using System.Globalization;

namespace CampaignDsl.Runtime.Data;

/// <summary>
/// Reads the timestamps of a file. A timestamp with an offset or <c>Z</c> is exact; a naive one
/// (<c>2010-12-01 08:26:00</c>) is local time in <see cref="Zone"/>. <see cref="Format"/>, when
/// given, is a .NET custom format (<c>dd/MM/yyyy HH:mm</c>); otherwise ISO 8601 forms are accepted.
/// A local time that a DST change skips is moved forward by the gap; one that occurs twice is the
/// first (summer-time) occurrence, as most systems that wrote the file did.
/// </summary>
public sealed class TimestampReader
{
    private static readonly string[] IsoForms =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK", "yyyy-MM-ddK",
    ];

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    public TimestampReader(TimeZoneInfo zone, string? format = null)
    {
        Zone = zone;
        Format = format;
    }

    public static TimestampReader Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    public string? Format { get; }

    /// <summary>An IANA zone by id (<c>Europe/London</c>), or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string id) => Zones.GetOrAdd(id, static name =>
    {
        if (name.Length == 0)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    });

    /// <summary>The UTC instant written, or null when the text is no timestamp in the expected form.</summary>
    public DateTimeOffset? Read(string text)
    {
        var trimmed = text.Trim();
        var parsed = Format is null
            ? DateTimeOffset.TryParseExact(trimmed, IsoForms, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var iso) ? iso : (DateTimeOffset?)null
            : DateTimeOffset.TryParseExact(trimmed, Format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var custom) ? custom : null;
        if (parsed is not { } value)
        {
            return null;
        }

        return HasOffset(trimmed) ? value.ToUniversalTime() : FromLocal(value.DateTime);
    }

    /// <summary>Local midnight of a date in <see cref="Zone"/>, as a UTC instant.</summary>
    public DateTimeOffset StartOf(DateOnly date) => FromLocal(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>What the expected form looks like, for messages.</summary>
    public string Describe() => Format is null ? "an ISO 8601 timestamp such as 2024-03-01 09:30:00 or 2024-03-01T09:30:00Z" : $"a timestamp in the format {Format}";

    private DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward change: the clock read this only for those who did not move it.
            var gap = Zone.GetUtcOffset(local.AddHours(3)) - Zone.GetUtcOffset(local.AddHours(-3));
            local = local.Add(gap);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    // A naive timestamp has no zone designator after its time part.
    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var time = text.IndexOfAny(['T', ' '], Math.Min(text.Length, 8));
        if (time < 0)
        {
            return false;
        }

        var rest = text.AsSpan(time + 1);
        return rest.IndexOfAny('+', '-') >= 0;
    }
}
