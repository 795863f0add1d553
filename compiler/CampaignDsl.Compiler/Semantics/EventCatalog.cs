using System.Collections.Frozen;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>The event types a contact's history holds, and the fields each carries.</summary>
public sealed class EventCatalog
{
    private static readonly Dictionary<string, DataType> MessageFields = new() { ["campaign"] = DataType.Text, ["stage"] = DataType.Text };

    public static EventCatalog Default { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, DataType>>
    {
        ["purchase"] = new Dictionary<string, DataType>
        {
            ["amount"] = DataType.Number,
            ["quantity"] = DataType.Number,
            ["order_id"] = DataType.Text,
            ["product"] = DataType.Text,
            ["category"] = DataType.Text,
        },
        ["cart.add"] = new Dictionary<string, DataType> { ["amount"] = DataType.Number, ["product"] = DataType.Text },
        ["email.send"] = MessageFields,
        ["email.open"] = MessageFields,
        ["email.click"] = new Dictionary<string, DataType>(MessageFields) { ["link"] = DataType.Text, ["tag"] = DataType.Text },
        ["email.bounce"] = MessageFields,
        ["email.complaint"] = MessageFields,
        ["email.unsubscribe"] = MessageFields,
        ["sms.send"] = MessageFields,
        ["sms.click"] = new Dictionary<string, DataType>(MessageFields) { ["link"] = DataType.Text },
        ["push.open"] = MessageFields,
        ["login"] = new Dictionary<string, DataType>(),
        ["visit"] = new Dictionary<string, DataType> { ["page"] = DataType.Text },
        ["app.open"] = new Dictionary<string, DataType>(),
        ["review"] = new Dictionary<string, DataType> { ["rating"] = DataType.Number },
        ["complaint"] = new Dictionary<string, DataType> { ["reason"] = DataType.Text },
        ["subscription_cancelled"] = new Dictionary<string, DataType> { ["reason"] = DataType.Text },

        // An order reached the customer: the moment for a review request (seeds/004).
        ["delivery"] = new Dictionary<string, DataType>
        {
            ["order_id"] = DataType.Text,
            ["product"] = DataType.Text,
            ["category"] = DataType.Text,
        },
    });

    private readonly FrozenDictionary<string, FrozenDictionary<string, DataType>> _events;

    public EventCatalog(IReadOnlyDictionary<string, IReadOnlyDictionary<string, DataType>> events) =>
        _events = events.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);

    public IEnumerable<string> EventTypes => _events.Keys;

    public bool Contains(string eventType) => _events.ContainsKey(eventType);

    public IEnumerable<string> FieldsOf(string eventType) => _events.TryGetValue(eventType, out var fields) ? fields.Keys : [];

    public DataType? FindField(string eventType, string field) =>
        _events.TryGetValue(eventType, out var fields) ? fields.GetValueOrDefault(field) : null;

    /// <summary>
    /// This catalog and a project's own event types (campaignc.yaml). A type this catalog has gains
    /// the new fields; a field it has keeps its type.
    /// </summary>
    public EventCatalog Extend<TFields>(IEnumerable<KeyValuePair<string, TFields>> events)
        where TFields : IEnumerable<KeyValuePair<string, DataType>>
    {
        var merged = _events.ToDictionary(e => e.Key, e => new Dictionary<string, DataType>(e.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (eventType, fields) in events)
        {
            var into = merged.TryGetValue(eventType, out var existing) ? existing : merged[eventType] = new(StringComparer.Ordinal);
            foreach (var (name, type) in fields)
            {
                into.TryAdd(name, type);
            }
        }

        return new EventCatalog(merged.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, DataType>)e.Value, StringComparer.Ordinal));
    }
}
