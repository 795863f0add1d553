using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data;

/// <summary>
/// Something a contact did: a <c>purchase</c>, an <c>email.open</c>. <see cref="At"/> is a UTC
/// instant; <see cref="Amount"/> is set for events that have one (negative for a cancellation);
/// every other column is a typed property.
/// </summary>
public sealed record ContactEvent(string ContactId, string Type, DateTimeOffset At, decimal? Amount = null)
{
    public ImmutableSortedDictionary<string, DataValue> Properties { get; init; } = DataValues.None;
}
