using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CampaignDsl.Runtime.Data.Postgres;

/// <summary>
/// Loads files into the PostgreSQL store in one transaction with binary COPY: all or nothing, with the SQLite
/// store's rules. Contacts are copied into a temporary table (attributes as arrays beside them) and merged when the
/// file ends: a contact already in the store is updated, its attributes replaced. Events are copied straight into
/// <c>events</c>; re-importing an events file first removes the events that file brought before. A repeated id
/// within a file and an event of an unknown contact are told apart in memory (the ids of this import and of the
/// store), since a COPY cannot answer row by row.
/// </summary>
public sealed class PostgresStoreImport : IStoreImport
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly HashSet<string> _contactsOfFile = new(StringComparer.Ordinal);
    private readonly HashSet<string> _contactsOfImport = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Name), DataValueKind> _fields = [];
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private HashSet<string>? _contactsOfStore;
    private NpgsqlBinaryImporter? _copy;
    private RecordKind _kind;
    private long _importId;
    private long _sourceId;
    private bool _finished;

    private PostgresStoreImport(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    internal static async Task<PostgresStoreImport> BeginAsync(PostgresContactStore store, CancellationToken cancellationToken)
    {
        var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await PostgresContactStore.ExecuteAsync(connection, """
                CREATE TEMPORARY TABLE import_contacts (
                    id TEXT COLLATE "C" NOT NULL, email TEXT, phone TEXT, first_name TEXT, last_name TEXT, timezone TEXT, locale TEXT,
                    subscribed SMALLINT NOT NULL, created_at BIGINT,
                    attribute_names TEXT[] NOT NULL, attribute_kinds TEXT[] NOT NULL, attribute_texts TEXT[] NOT NULL, attribute_numbers DOUBLE PRECISION[] NOT NULL
                ) ON COMMIT DROP
                """, cancellationToken).ConfigureAwait(false);
            return new PostgresStoreImport(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task BeginFileAsync(string sourcePath, RecordKind kind, CancellationToken cancellationToken = default)
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        _kind = kind;
        _sourceId = await ScalarAsync(
            "INSERT INTO sources (path, kind) VALUES (@path, @kind) ON CONFLICT (path, kind) DO UPDATE SET path = excluded.path RETURNING id",
            [("path", sourcePath), ("kind", kind == RecordKind.Contacts ? "contacts" : "events")], cancellationToken).ConfigureAwait(false);
        _importId = await ScalarAsync("INSERT INTO imports (source_id, started_at) VALUES (@source, @at) RETURNING id",
            [("source", _sourceId), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false);
        if (kind == RecordKind.Contacts)
        {
            _contactsOfFile.Clear();
            await PostgresContactStore.ExecuteAsync(_connection, "TRUNCATE import_contacts", cancellationToken).ConfigureAwait(false);
            _copy = await _connection.BeginBinaryImportAsync("""
                COPY import_contacts (id, email, phone, first_name, last_name, timezone, locale, subscribed, created_at,
                    attribute_names, attribute_kinds, attribute_texts, attribute_numbers) FROM STDIN (FORMAT BINARY)
                """, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ScalarAsync("DELETE FROM events WHERE source_id = @source", [("source", _sourceId)], cancellationToken).ConfigureAwait(false);
        _contactsOfStore ??= await ContactIdsAsync(cancellationToken).ConfigureAwait(false);
        _copy = await _connection.BeginBinaryImportAsync(
            "COPY events (contact_id, type, at, amount, properties, source_id) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
    }

    public StoreWrite Write(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!_contactsOfFile.Add(contact.Id))
        {
            return StoreWrite.Repeated;
        }

        _contactsOfImport.Add(contact.Id);
        var copy = Copy(RecordKind.Contacts);
        copy.StartRow();
        copy.Write(contact.Id, NpgsqlDbType.Text);
        WriteText(copy, contact.Email);
        WriteText(copy, contact.Phone);
        WriteText(copy, contact.FirstName);
        WriteText(copy, contact.LastName);
        WriteText(copy, contact.TimeZone);
        WriteText(copy, contact.Locale);
        copy.Write((short)(contact.Subscribed ? 1 : 0), NpgsqlDbType.Smallint);
        if (contact.CreatedAt is { } created)
        {
            copy.Write(StoreKinds.ToUnixMilliseconds(created), NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }

        var count = contact.Attributes.Count;
        var (names, kinds, texts, numbers) = (new string[count], new string[count], new string[count], new double?[count]);
        var i = 0;
        foreach (var (name, value) in contact.Attributes)
        {
            names[i] = name;
            kinds[i] = StoreKinds.Name(value.Kind);
            texts[i] = value.ToInvariantString();
            numbers[i] = value is NumberValue n ? (double)n.Value : null;
            i++;
        }

        copy.Write(names, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(kinds, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(texts, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(numbers, NpgsqlDbType.Array | NpgsqlDbType.Double);
        return StoreWrite.Stored;
    }

    public StoreWrite Write(ContactEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_contactsOfImport.Contains(e.ContactId) && _contactsOfStore?.Contains(e.ContactId) != true)
        {
            return StoreWrite.UnknownContact;
        }

        var copy = Copy(RecordKind.Events);
        copy.StartRow();
        copy.Write(e.ContactId, NpgsqlDbType.Text);
        copy.Write(e.Type, NpgsqlDbType.Text);
        copy.Write(StoreKinds.ToUnixMilliseconds(e.At), NpgsqlDbType.Bigint);
        if (e.Amount is { } amount)
        {
            copy.Write((double)amount, NpgsqlDbType.Double);
        }
        else
        {
            copy.WriteNull();
        }

        if (e.Properties.IsEmpty)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(Json(e.Properties), NpgsqlDbType.Jsonb);
            foreach (var (name, value) in e.Properties)
            {
                _fields.TryAdd((e.Type, name), value.Kind);
            }
        }

        copy.Write(_sourceId, NpgsqlDbType.Bigint);
        return StoreWrite.Stored;
    }

    public async Task EndFileAsync(long rows, long loaded, long repeated, long skipped, long bad, CancellationToken cancellationToken = default)
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await ScalarAsync(
            "UPDATE imports SET finished_at = @at, rows = @rows, loaded = @loaded, repeated = @repeated, skipped = @skipped, bad = @bad WHERE id = @id",
            [("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ("rows", rows), ("loaded", loaded), ("repeated", repeated),
             ("skipped", skipped), ("bad", bad), ("id", _importId)], cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // Disposed unfinished, a COPY is cancelled: the rollback below then undoes the rest.
            await _copy.DisposeAsync().ConfigureAwait(false);
            _copy = null;
        }

        if (!_finished)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private NpgsqlBinaryImporter Copy(RecordKind kind) =>
        _copy is not null && _kind == kind ? _copy : throw new InvalidOperationException($"write of {kind} outside a file of that kind");

    /// <summary>Ends the COPY of the file begun last and, for contacts, merges them into the store.</summary>
    private async Task FinishCopyAsync(CancellationToken cancellationToken)
    {
        if (_copy is not { } copy)
        {
            return;
        }

        _copy = null;
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await copy.DisposeAsync().ConfigureAwait(false);
        if (_kind == RecordKind.Contacts)
        {
            await ScalarAsync("""
                INSERT INTO contacts (id, email, phone, first_name, last_name, timezone, locale, subscribed, created_at, import_id)
                SELECT id, email, phone, first_name, last_name, timezone, locale, subscribed, created_at, @import FROM import_contacts
                ON CONFLICT (id) DO UPDATE SET email = excluded.email, phone = excluded.phone, first_name = excluded.first_name,
                    last_name = excluded.last_name, timezone = excluded.timezone, locale = excluded.locale, subscribed = excluded.subscribed,
                    created_at = excluded.created_at, import_id = excluded.import_id
                """, [("import", _importId)], cancellationToken).ConfigureAwait(false);
            await ScalarAsync("DELETE FROM contact_attributes a USING import_contacts i WHERE a.contact_id = i.id", [], cancellationToken).ConfigureAwait(false);
            await ScalarAsync("""
                INSERT INTO contact_attributes (contact_id, name, kind, value_text, value_number)
                SELECT i.id, a.name, a.kind, a.value_text, a.value_number
                FROM import_contacts i CROSS JOIN LATERAL unnest(i.attribute_names, i.attribute_kinds, i.attribute_texts, i.attribute_numbers) AS a (name, kind, value_text, value_number)
                """, [], cancellationToken).ConfigureAwait(false);
        }
        else if (_fields.Count > 0)
        {
            // The first kind a field was seen in stays, as in the SQLite store.
            await ScalarAsync("""
                INSERT INTO event_fields (type, name, kind) SELECT t, n, k FROM unnest(@types::TEXT[], @names::TEXT[], @kinds::TEXT[]) AS f (t, n, k)
                ON CONFLICT (type, name) DO NOTHING
                """,
                [("types", _fields.Keys.Select(f => f.Type).ToArray()), ("names", _fields.Keys.Select(f => f.Name).ToArray()), ("kinds", _fields.Values.Select(StoreKinds.Name).ToArray())],
                cancellationToken).ConfigureAwait(false);
            _fields.Clear();
        }
    }

    private async Task<HashSet<string>> ContactIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT id FROM contacts", _connection, _transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private string Json(ImmutableSortedDictionary<string, DataValue> properties)
    {
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                switch (value)
                {
                    case NumberValue n:
                        writer.WriteNumber(name, n.Value);
                        break;
                    case BooleanValue b:
                        writer.WriteBoolean(name, b.Value);
                        break;
                    default:
                        writer.WriteString(name, value.ToInvariantString());
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private async Task<long> ScalarAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is long id ? id : 0;
    }
}
