using System.Collections.Frozen;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>The contact attributes an expression may name, with their types.</summary>
public sealed class ContactSchema
{
    public static ContactSchema Default { get; } = new(new Dictionary<string, DataType>
    {
        ["id"] = DataType.Text,
        ["email"] = DataType.Text,
        ["phone"] = DataType.Text,
        ["first_name"] = DataType.Text,
        ["last_name"] = DataType.Text,
        ["timezone"] = DataType.Text,
        ["locale"] = DataType.Text,
        ["country"] = DataType.Text,
        ["city"] = DataType.Text,
        ["subscribed"] = DataType.Bool,
        ["created_at"] = DataType.Date,
        ["birthday"] = DataType.Date,
        ["signup_channel"] = DataType.Text,
    });

    private readonly FrozenDictionary<string, DataType> _attributes;

    public ContactSchema(IReadOnlyDictionary<string, DataType> attributes) =>
        _attributes = attributes.ToFrozenDictionary(StringComparer.Ordinal);

    public IEnumerable<string> Names => _attributes.Keys;

    public DataType? Find(string name) => _attributes.GetValueOrDefault(name);

    /// <summary>This schema and a project's own attributes (campaignc.yaml); an attribute this schema has keeps its type.</summary>
    public ContactSchema Extend(IEnumerable<KeyValuePair<string, DataType>> attributes)
    {
        var merged = new Dictionary<string, DataType>(_attributes, StringComparer.Ordinal);
        foreach (var (name, type) in attributes)
        {
            merged.TryAdd(name, type);
        }

        return new ContactSchema(merged);
    }
}
