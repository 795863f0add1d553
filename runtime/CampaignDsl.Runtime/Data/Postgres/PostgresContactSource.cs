using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using CampaignDsl.Runtime.Data.Sqlite;
using Npgsql;

namespace CampaignDsl.Runtime.Data.Postgres;

/// <summary>
/// Contacts and events read from the PostgreSQL store, streamed from server cursors on connections of their own:
/// contacts by id in the <c>"C"</c> collation (ordinal, the order <see cref="Simulation.ContactHistories"/> merges
/// by), events in the order the query asks for, from the store's indexes.
/// </summary>
/// <param name="only">When given, the source reads only these contacts (and their events), as <see cref="Only"/> makes it.</param>
internal sealed class PostgresContactSource(PostgresContactStore store, bool ownsStore = false, string[]? only = null) : IContactSource, IContactCounter
{
    public string Kind => "postgres";

    internal PostgresContactStore Store => store;

    /// <summary>Whether this source reads the whole store (not only some contacts).</summary>
    internal bool IsWhole => only is null;

    /// <summary>A source over the same store that reads only the contacts with these ids (and their events), in the same order. The store stays open.</summary>
    public PostgresContactSource Only(IEnumerable<string> ids) => new(store, ownsStore: false, only: [.. ids]);

    public async Task<long> CountContactsAsync(CancellationToken cancellationToken = default) =>
        (await store.CountAsync(cancellationToken).ConfigureAwait(false)).Contacts;

    public async IAsyncEnumerable<Contact> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand($"""
            SELECT c.id, c.email, c.phone, c.first_name, c.last_name, c.timezone, c.locale, c.subscribed, c.created_at, a.name, a.kind, a.value_text
            FROM contacts c LEFT JOIN contact_attributes a ON a.contact_id = c.id
            {(only is null ? "" : "WHERE c.id = ANY(@only)")}
            ORDER BY c.id, a.name
            """);
        if (only is not null)
        {
            command.Parameters.AddWithValue("only", only);
        }

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
                    reader.GetInt16(7) == 1, reader.IsDBNull(8) ? null : StoreKinds.FromUnixMilliseconds(reader.GetInt64(8)));
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
        ArgumentNullException.ThrowIfNull(query);
        var parser = new StoredPropertyParser(await FieldKindsAsync(cancellationToken).ConfigureAwait(false));
        await using var command = store.DataSource.CreateCommand();
        var sql = new StringBuilder("SELECT contact_id, type, at, amount, properties::TEXT FROM events WHERE TRUE");
        if (only is not null)
        {
            sql.Append(" AND contact_id = ANY(@only)");
            command.Parameters.AddWithValue("only", only);
        }

        if (query.ContactId is { } contact)
        {
            sql.Append(" AND contact_id = @contact");
            command.Parameters.AddWithValue("contact", contact);
        }

        if (!query.Types.IsDefaultOrEmpty)
        {
            sql.Append(" AND type = ANY(@types)");
            command.Parameters.AddWithValue("types", query.Types.ToArray());
        }

        if (query.From is { } from)
        {
            sql.Append(" AND at >= @from");
            command.Parameters.AddWithValue("from", StoreKinds.ToUnixMilliseconds(from));
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND at < @until");
            command.Parameters.AddWithValue("until", StoreKinds.ToUnixMilliseconds(until));
        }

        sql.Append(query.Order switch
        {
            EventOrder.ByTime => " ORDER BY at, contact_id, id",
            EventOrder.ByContact => " ORDER BY contact_id, at, id",
            _ => " ORDER BY id",
        });
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? contactId = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Events come grouped by contact more often than not: one id string kept per run of equal ids.
            var id = reader.GetString(0);
            contactId = string.Equals(id, contactId, StringComparison.Ordinal) ? contactId! : id;
            var type = parser.TypeName(reader.GetString(1));
            var at = StoreKinds.FromUnixMilliseconds(reader.GetInt64(2));
            decimal? amount = reader.IsDBNull(3) ? null : StoreKinds.ToDecimal(reader.GetDouble(3));
            yield return reader.IsDBNull(4)
                ? new ContactEvent(contactId!, type, at, amount)
                : ContactEvent.WithPropertiesText(contactId!, type, at, amount, reader.GetString(4), parser);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsStore)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private async Task<Dictionary<(string, string), DataValueKind>> FieldKindsAsync(CancellationToken cancellationToken)
    {
        var kinds = new Dictionary<(string, string), DataValueKind>();
        await using var command = store.DataSource.CreateCommand("SELECT type, name, kind FROM event_fields");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            kinds[(reader.GetString(0), reader.GetString(1))] = StoreKinds.Parse(reader.GetString(2));
        }

        return kinds;
    }
}
