using System.Collections.Frozen;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>
/// The declared types of custom attributes and event fields (the built-in ones and campaignc.yaml's
/// <c>contacts:</c> and <c>events:</c>), so that a column read as text is stored as the type campaigns
/// compare it with. An undeclared column keeps the type of its value: text for a plain column.
/// </summary>
public sealed class DataSchema
{
    private readonly FrozenDictionary<string, DataValueKind> _attributes;
    private readonly FrozenDictionary<string, DataValueKind> _eventFields;

    private DataSchema(IEnumerable<KeyValuePair<string, DataValueKind>> attributes, IEnumerable<KeyValuePair<string, DataValueKind>> eventFields)
    {
        _attributes = attributes.ToFrozenDictionary(StringComparer.Ordinal);
        _eventFields = eventFields.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static DataSchema Default { get; } = From(ProjectConfiguration.Default);

    public static DataSchema From(ProjectConfiguration configuration)
    {
        var contacts = ContactSchema.Default.Extend(configuration.Contacts.Attributes);
        var attributes = contacts.Names
            .Where(n => !CanonicalFields.Contact.Contains(n))
            .Select(n => KeyValuePair.Create(n, KindOf(contacts.Find(n)!)));
        var catalog = EventCatalog.Default;
        var fields = catalog.EventTypes.SelectMany(t => catalog.FieldsOf(t).Select(f => KeyValuePair.Create($"{t}:{f}", KindOf(catalog.FindField(t, f)!))))
            .Concat(configuration.Events.Types.SelectMany(t => t.Value.Select(f => KeyValuePair.Create($"{t.Key}:{f.Key}", KindOf(f.Value)))))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => g.Last());
        return new DataSchema(attributes, fields);
    }

    public DataValueKind? AttributeKind(string name) => _attributes.TryGetValue(name, out var kind) ? kind : null;

    public DataValueKind? EventFieldKind(string eventType, string field) =>
        _eventFields.TryGetValue($"{eventType}:{field}", out var kind) ? kind : null;

    private static DataValueKind KindOf(DataType type) =>
        type == DataType.Number || type == DataType.Money || type == DataType.Percent ? DataValueKind.Number
        : type == DataType.Bool ? DataValueKind.Boolean
        : type == DataType.Date ? DataValueKind.Date
        : DataValueKind.Text;
}
