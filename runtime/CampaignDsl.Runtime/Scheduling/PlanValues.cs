using System.Collections;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>How evaluated values order: numbers by value, text ordinally, instants against dates by the contact's local date.</summary>
public static class PlanValues
{
    /// <summary>Negative, zero or positive; null when either side is unknown or the two cannot be compared.</summary>
    public static int? Compare(object? left, object? right, TimeZoneInfo zone) => (left, right) switch
    {
        (null, _) or (_, null) => null,
        (decimal a, decimal b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (DateTimeOffset a, DateOnly b) => DateOnly.FromDateTime(LocalClock.ToLocal(a, zone)).CompareTo(b),
        (DateOnly a, DateTimeOffset b) => a.CompareTo(DateOnly.FromDateTime(LocalClock.ToLocal(b, zone))),
        (TimeOnly a, TimeOnly b) => a.CompareTo(b),
        (IList, _) or (_, IList) => null,
        _ => null,
    };
}
