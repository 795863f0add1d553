using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data;

/// <summary>
/// Something a contact did: a <c>purchase</c>, an <c>email.open</c>. <see cref="At"/> is a UTC
/// instant; <see cref="Amount"/> is set for events that have one (negative for a cancellation);
/// every other column is a typed property.
/// </summary>
public sealed record ContactEvent(string ContactId, string Type, DateTimeOffset At, decimal? Amount = null)
{
    private ImmutableSortedDictionary<string, DataValue>? _properties;
    private string? _propertiesText;
    private IEventPropertyParser? _parser;

    /// <summary>
    /// The event's properties. A store keeps them as text that is parsed only when something asks (most campaigns look
    /// at type, time and amount alone, and a simulation reads millions of events), so they cost nothing until used.
    /// </summary>
    public ImmutableSortedDictionary<string, DataValue> Properties
    {
        get => _properties ??= _parser is { } parser ? parser.Parse(Type, _propertiesText!) : DataValues.None;
        init
        {
            _properties = value;
            _propertiesText = null;
            _parser = null;
        }
    }

    /// <summary>An event whose properties <paramref name="parser"/> reads from <paramref name="text"/> on first use.</summary>
    internal static ContactEvent WithPropertiesText(string contactId, string type, DateTimeOffset at, decimal? amount, string text, IEventPropertyParser parser) =>
        new(contactId, type, at, amount) { _propertiesText = text, _parser = parser };

    // Equality as before properties became lazy: the same fields and the same (parsed) properties map.
    public bool Equals(ContactEvent? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (string.Equals(ContactId, other.ContactId, StringComparison.Ordinal) && string.Equals(Type, other.Type, StringComparison.Ordinal)
                && At.Equals(other.At) && Amount == other.Amount && EqualityComparer<ImmutableSortedDictionary<string, DataValue>>.Default.Equals(Properties, other.Properties)));

    public override int GetHashCode() => HashCode.Combine(ContactId, Type, At, Amount, Properties);
}

/// <summary>Reads an event's stored properties text into typed values (see <see cref="ContactEvent.Properties"/>).</summary>
internal interface IEventPropertyParser
{
    ImmutableSortedDictionary<string, DataValue> Parse(string eventType, string text);
}
