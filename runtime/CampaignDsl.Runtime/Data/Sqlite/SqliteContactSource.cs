using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>
/// Contacts and events read from the store, streamed from SQL cursors: contacts by id, events in any
/// order the query asks for, using the store's indexes (by contact and time, by time, by type). A source made by
/// <see cref="OnlyAsync"/> reads only some contacts (a temporary table of their ids, joined in both reads).
/// </summary>
internal sealed class SqliteContactSource(ContactStore store, bool ownsStore = false, string? only = null) : IContactSource, IContactCounter
{
    private static int _onlyTables;

    public string Kind => "sqlite";

    /// <summary>The store read; the simulator asks it who can enter (<see cref="Simulation.EntryPrefilter"/>).</summary>
    internal ContactStore Store => store;

    /// <summary>Whether this source reads the whole store (not only some contacts).</summary>
    internal bool IsWhole => only is null;

    /// <summary>Every contact in the store, also for a source that reads only some.</summary>
    public async Task<long> CountContactsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM contacts";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A source over the same store that reads only the contacts with these ids (and their events), in the same order;
    /// dispose it to drop its table of ids. The store stays open.
    /// </summary>
    public async Task<SqliteContactSource> OnlyAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var table = "temp.only_contacts_" + Interlocked.Increment(ref _onlyTables).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ContactStore.ExecuteAsync(store.Connection, $"CREATE TABLE {table} (id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID", cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await store.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = store.Connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT OR IGNORE INTO {table} (id) VALUES ($id)";
            var parameter = insert.Parameters.Add("$id", SqliteType.Text);
            foreach (var id in ids)
            {
                parameter.Value = id;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SqliteContactSource(store, ownsStore: false, only: table);
    }

    public async IAsyncEnumerable<Contact> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Contacts and their attributes as two streams, both by contact id, merged: no contact row repeated per attribute.
        await using var command = store.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.id, c.email, c.phone, c.first_name, c.last_name, c.timezone, c.locale, c.subscribed, c.created_at
            FROM contacts c {(only is null ? "" : $"WHERE c.id IN (SELECT id FROM {only})")}
            ORDER BY c.id
            """;
        await using var attributeCommand = store.Connection.CreateCommand();
        attributeCommand.CommandText = $"""
            SELECT a.contact_id, a.name, a.kind, a.value_text
            FROM contact_attributes a {(only is null ? "" : $"WHERE a.contact_id IN (SELECT id FROM {only})")}
            ORDER BY a.contact_id, a.name
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var attributes = await attributeCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var pending = await attributes.ReadAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            var contact = new Contact(id, Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                reader.GetInt64(7) == 1, reader.IsDBNull(8) ? null : StoreKinds.FromUnixMilliseconds(reader.GetInt64(8)));
            ImmutableSortedDictionary<string, DataValue>.Builder? builder = null;

            // Attributes of a contact id that sorts before this one belong to no contact read here (none, by the foreign key).
            while (pending && string.CompareOrdinal(attributes.GetString(0), id) is var order && order <= 0)
            {
                if (order == 0 && DataValue.Parse(StoreKinds.Parse(attributes.GetString(2)), attributes.GetString(3)) is { } value)
                {
                    builder ??= DataValues.None.ToBuilder();
                    builder[attributes.GetString(1)] = value;
                }

                pending = await attributes.ReadAsync(cancellationToken).ConfigureAwait(false);
            }

            yield return contact with { Attributes = builder is null ? DataValues.None : builder.ToImmutable() };
        }
    }

    public async IAsyncEnumerable<ContactEvent> ReadEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fields = await FieldKindsAsync(cancellationToken).ConfigureAwait(false);
        await using var command = store.Connection.CreateCommand();
        var sql = new StringBuilder("SELECT contact_id, type, at, amount, properties FROM events WHERE 1 = 1");
        if (only is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND contact_id IN (SELECT id FROM {only})");
        }

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
        var parser = new StoredPropertyParser(fields);
        string? contactId = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Events come grouped by contact more often than not: one id string per run of equal ids, not one per event.
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
        if (only is not null)
        {
            await ContactStore.ExecuteAsync(store.Connection, $"DROP TABLE IF EXISTS {only}", CancellationToken.None).ConfigureAwait(false);
        }

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
}
