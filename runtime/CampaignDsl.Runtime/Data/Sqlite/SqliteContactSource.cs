using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>
/// Contacts and events read from the store, streamed from SQL cursors: contacts by id, events in any
/// order the query asks for, using the store's indexes (by contact and time, by time, by type).
/// </summary>
internal sealed class SqliteContactSource(ContactStore store, bool ownsStore = false) : IContactSource
{
    public string Kind => "sqlite";

    public async IAsyncEnumerable<Contact> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = store.Connection.CreateCommand();
        command.CommandText = """
            SELECT c.id, c.email, c.phone, c.first_name, c.last_name, c.timezone, c.locale, c.subscribed, c.created_at, a.name, a.kind, a.value_text
            FROM contacts c LEFT JOIN contact_attributes a ON a.contact_id = c.id
            ORDER BY c.id, a.name
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        Contact? current = null;
        ImmutableSortedDictionary<string, DataValue>.Builder? attributes = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (current is null || !string.Equals(current.Id, id, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return current with { Attributes = attributes!.ToImmutable() };
                }

                current = new Contact(id, Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                    reader.GetInt64(7) == 1, reader.IsDBNull(8) ? null : StoreKinds.FromUnixMilliseconds(reader.GetInt64(8)));
                attributes = DataValues.None.ToBuilder();
            }

            if (!reader.IsDBNull(9) && DataValue.Parse(StoreKinds.Parse(reader.GetString(10)), reader.GetString(11)) is { } value)
            {
                attributes![reader.GetString(9)] = value;
            }
        }

        if (current is not null)
        {
            yield return current with { Attributes = attributes!.ToImmutable() };
        }
    }

    public async IAsyncEnumerable<ContactEvent> ReadEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fields = await FieldKindsAsync(cancellationToken).ConfigureAwait(false);
        await using var command = store.Connection.CreateCommand();
        var sql = new StringBuilder("SELECT contact_id, type, at, amount, properties FROM events WHERE 1 = 1");
        if (query.ContactId is { } contact)
        {
            sql.Append(" AND contact_id = $contact");
            command.Parameters.AddWithValue("$contact", contact);
        }

        if (!query.Types.IsDefaultOrEmpty)
        {
            sql.Append(" AND type IN (").AppendJoin(", ", query.Types.Select((_, i) => $"$type{i}")).Append(')');
            for (var i = 0; i < query.Types.Length; i++)
            {
                command.Parameters.AddWithValue($"$type{i}", query.Types[i]);
            }
        }

        if (query.From is { } from)
        {
            sql.Append(" AND at >= $from");
            command.Parameters.AddWithValue("$from", StoreKinds.ToUnixMilliseconds(from));
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND at < $until");
            command.Parameters.AddWithValue("$until", StoreKinds.ToUnixMilliseconds(until));
        }

        sql.Append(query.Order switch
        {
            EventOrder.ByTime => " ORDER BY at, contact_id, id",
            EventOrder.ByContact => " ORDER BY contact_id, at, id",
            _ => " ORDER BY id",
        });
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var type = reader.GetString(1);
            yield return new ContactEvent(reader.GetString(0), type, StoreKinds.FromUnixMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : StoreKinds.ToDecimal(reader.GetDouble(3)))
            {
                Properties = reader.IsDBNull(4) ? DataValues.None : Properties(type, reader.GetString(4), fields),
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsStore)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private async Task<Dictionary<(string, string), DataValueKind>> FieldKindsAsync(CancellationToken cancellationToken)
    {
        var kinds = new Dictionary<(string, string), DataValueKind>();
        await using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT type, name, kind FROM event_fields";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            kinds[(reader.GetString(0), reader.GetString(1))] = StoreKinds.Parse(reader.GetString(2));
        }

        return kinds;
    }

    private static ImmutableSortedDictionary<string, DataValue> Properties(string type, string json, Dictionary<(string, string), DataValueKind> kinds)
    {
        var builder = DataValues.None.ToBuilder();
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var kind = kinds.TryGetValue((type, property.Name), out var k) ? k : DataValueKind.Text;
            DataValue? value = property.Value.ValueKind switch
            {
                JsonValueKind.Number => DataValue.Number(property.Value.GetDecimal()),
                JsonValueKind.True => DataValue.Boolean(true),
                JsonValueKind.False => DataValue.Boolean(false),
                _ => DataValue.Parse(kind, property.Value.GetString() ?? "") ?? DataValue.Text(property.Value.GetString() ?? ""),
            };
            builder[property.Name] = value;
        }

        return builder.ToImmutable();
    }
}
