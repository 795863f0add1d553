using System.Collections.Immutable;
using System.Text.Json;
namespace CampaignDsl.Runtime.Data;

/// <summary>
/// Parses an event's stored JSON properties when they are first asked for, typed by the store's <c>event_fields</c>
/// (a date or an instant is JSON text); shares one string per event type among the millions of events of a run.
/// Both stores (SQLite, PostgreSQL) keep properties this way.
/// </summary>
internal sealed class StoredPropertyParser(Dictionary<(string, string), DataValueKind> kinds) : IEventPropertyParser
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    public string TypeName(string type)
    {
        if (_types.TryGetValue(type, out var known))
        {
            return known;
        }

        if (_types.Count < 1000)
        {
            _types[type] = type;
        }

        return type;
    }

    public ImmutableSortedDictionary<string, DataValue> Parse(string eventType, string text)
    {
        var builder = DataValues.None.ToBuilder();
        using var document = JsonDocument.Parse(text);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var kind = kinds.TryGetValue((eventType, property.Name), out var k) ? k : DataValueKind.Text;
            builder[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Number => DataValue.Number(property.Value.GetDecimal()),
                JsonValueKind.True => DataValue.Boolean(true),
                JsonValueKind.False => DataValue.Boolean(false),
                _ => DataValue.Parse(kind, property.Value.GetString() ?? "") ?? DataValue.Text(property.Value.GetString() ?? ""),
            };
        }

        return builder.ToImmutable();
    }
}
