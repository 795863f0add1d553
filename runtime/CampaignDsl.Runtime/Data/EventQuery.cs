using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data;

/// <summary>How events are to be ordered.</summary>
public enum EventOrder
{
    /// <summary>By time (then contact id), for a run over the whole history on one clock.</summary>
    ByTime,

    /// <summary>By contact id (ordinal), then time: one contact's history at a time.</summary>
    ByContact,

    /// <summary>As stored: whatever order is cheapest (file order for CSV).</summary>
    AsStored,
}

/// <summary>
/// Which events to read: one contact's or everyone's, of some types, in the half-open interval
/// [<see cref="From"/>, <see cref="Until"/>). Empty <see cref="Types"/> means every type.
/// </summary>
public sealed record EventQuery
{
    public static EventQuery All { get; } = new();

    public string? ContactId { get; init; }

    public ImmutableArray<string> Types { get; init; } = [];

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? Until { get; init; }

    public EventOrder Order { get; init; } = EventOrder.ByTime;

    public static EventQuery ForContact(string contactId) => new() { ContactId = contactId };

    /// <summary>Whether an event passes the filters (order aside); sources that cannot filter natively use it.</summary>
    public bool Matches(ContactEvent e) =>
        (ContactId is null || string.Equals(ContactId, e.ContactId, StringComparison.Ordinal))
        && (Types.IsDefaultOrEmpty || Types.Contains(e.Type, StringComparer.Ordinal))
        && (From is null || e.At >= From)
        && (Until is null || e.At < Until);

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> in this query's order.</summary>
    public bool InOrder(ContactEvent previous, ContactEvent next) => Order switch
    {
        EventOrder.ByTime => previous.At < next.At || (previous.At == next.At && string.CompareOrdinal(previous.ContactId, next.ContactId) <= 0),
        EventOrder.ByContact => string.CompareOrdinal(previous.ContactId, next.ContactId) switch
        {
            < 0 => true,
            0 => previous.At <= next.At,
            _ => false,
        },
        _ => true,
    };
}
