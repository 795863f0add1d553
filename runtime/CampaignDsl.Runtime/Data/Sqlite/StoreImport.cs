using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CampaignDsl.Runtime.Data.Mapping;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>What happened to a record written to the store.</summary>
public enum StoreWrite
{
    /// <summary>Stored.</summary>
    Stored,

    /// <summary>A contact whose id this import already stored (a file with a row per purchase): the first row is kept.</summary>
    Repeated,

    /// <summary>An event whose contact is in no contacts file imported so far.</summary>
    UnknownContact,
}

/// <summary>
/// Loads files into the store in one transaction with prepared statements: all or nothing. A
/// contact already in the store from an earlier import is updated; re-importing an events file
/// replaces the events that file brought before, so running an import twice changes nothing.
/// </summary>
public sealed class StoreImport : Import.IStoreImport
{
    private readonly ContactStore _store;
    private readonly SqliteTransaction _transaction;
    private long _importId;
    private long _sourceId;
    private readonly SqliteCommand _upsertContact;
    private readonly SqliteCommand _clearAttributes;
    private readonly SqliteCommand _insertAttribute;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _recordField;
    private readonly HashSet<(string Type, string Name)> _fieldsSeen = [];
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private bool _finished;

    private StoreImport(ContactStore store, SqliteTransaction transaction)
    {
        _store = store;
        _transaction = transaction;
        _upsertContact = Prepare("""
            INSERT INTO contacts (id, email, phone, first_name, last_name, timezone, locale, subscribed, created_at, import_id)
            VALUES ($id, $email, $phone, $first_name, $last_name, $timezone, $locale, $subscribed, $created_at, $import)
            ON CONFLICT (id) DO UPDATE SET email = excluded.email, phone = excluded.phone, first_name = excluded.first_name,
                last_name = excluded.last_name, timezone = excluded.timezone, locale = excluded.locale, subscribed = excluded.subscribed,
                created_at = excluded.created_at, import_id = excluded.import_id
            WHERE contacts.import_id <> excluded.import_id
            """, "$id", "$email", "$phone", "$first_name", "$last_name", "$timezone", "$locale", "$subscribed", "$created_at", "$import");
        _clearAttributes = Prepare("DELETE FROM contact_attributes WHERE contact_id = $id", "$id");
        _insertAttribute = Prepare(
            "INSERT INTO contact_attributes (contact_id, name, kind, value_text, value_number) VALUES ($id, $name, $kind, $text, $number)",
            "$id", "$name", "$kind", "$text", "$number");
        _insertEvent = Prepare(
            "INSERT INTO events (contact_id, type, at, amount, properties, source_id) VALUES ($contact, $type, $at, $amount, $properties, $source)",
            "$contact", "$type", "$at", "$amount", "$properties", "$source");
        _recordField = Prepare("INSERT OR IGNORE INTO event_fields (type, name, kind) VALUES ($type, $name, $kind)", "$type", "$name", "$kind");
    }

    internal static async Task<StoreImport> BeginAsync(ContactStore store, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await store.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new StoreImport(store, transaction);
    }

    /// <summary>Starts the records of one file. Re-importing an events file first removes the events it brought last time.</summary>
    public async Task BeginFileAsync(string sourcePath, RecordKind kind, CancellationToken cancellationToken = default)
    {
        var connection = _store.Connection;
        var kindName = kind == RecordKind.Contacts ? "contacts" : "events";
        _sourceId = await ScalarAsync(connection, _transaction,
            "INSERT INTO sources (path, kind) VALUES ($path, $kind) ON CONFLICT (path, kind) DO UPDATE SET path = excluded.path RETURNING id",
            [("$path", sourcePath), ("$kind", kindName)], cancellationToken).ConfigureAwait(false);
        if (kind == RecordKind.Events)
        {
            await ScalarAsync(connection, _transaction, "DELETE FROM events WHERE source_id = $source", [("$source", _sourceId)], cancellationToken).ConfigureAwait(false);
        }

        _importId = await ScalarAsync(connection, _transaction, "INSERT INTO imports (source_id, started_at) VALUES ($source, $at) RETURNING id",
            [("$source", _sourceId), ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false);
    }

    public StoreWrite Write(Contact contact)
    {
        var p = _upsertContact.Parameters;
        p[0].Value = contact.Id;
        p[1].Value = (object?)contact.Email ?? DBNull.Value;
        p[2].Value = (object?)contact.Phone ?? DBNull.Value;
        p[3].Value = (object?)contact.FirstName ?? DBNull.Value;
        p[4].Value = (object?)contact.LastName ?? DBNull.Value;
        p[5].Value = (object?)contact.TimeZone ?? DBNull.Value;
        p[6].Value = (object?)contact.Locale ?? DBNull.Value;
        p[7].Value = contact.Subscribed ? 1 : 0;
        p[8].Value = contact.CreatedAt is { } created ? StoreKinds.ToUnixMilliseconds(created) : DBNull.Value;
        p[9].Value = _importId;
        if (_upsertContact.ExecuteNonQuery() == 0)
        {
            return StoreWrite.Repeated;
        }

        _clearAttributes.Parameters[0].Value = contact.Id;
        _clearAttributes.ExecuteNonQuery();
        foreach (var (name, value) in contact.Attributes)
        {
            var a = _insertAttribute.Parameters;
            a[0].Value = contact.Id;
            a[1].Value = name;
            a[2].Value = StoreKinds.Name(value.Kind);
            a[3].Value = value.ToInvariantString();
            a[4].Value = value is NumberValue n ? (double)n.Value : DBNull.Value;
            _insertAttribute.ExecuteNonQuery();
        }

        return StoreWrite.Stored;
    }

    public StoreWrite Write(ContactEvent e)
    {
        var p = _insertEvent.Parameters;
        p[0].Value = e.ContactId;
        p[1].Value = e.Type;
        p[2].Value = StoreKinds.ToUnixMilliseconds(e.At);
        p[3].Value = e.Amount is { } amount ? (double)amount : DBNull.Value;
        p[4].Value = e.Properties.IsEmpty ? DBNull.Value : Json(e.Properties);
        p[5].Value = _sourceId;
        try
        {
            _insertEvent.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 787)
        {
            return StoreWrite.UnknownContact;
        }

        foreach (var (name, value) in e.Properties)
        {
            if (_fieldsSeen.Add((e.Type, name)))
            {
                var f = _recordField.Parameters;
                f[0].Value = e.Type;
                f[1].Value = name;
                f[2].Value = StoreKinds.Name(value.Kind);
                _recordField.ExecuteNonQuery();
            }
        }

        return StoreWrite.Stored;
    }

    /// <summary>Records the counts of the file begun last.</summary>
    public async Task EndFileAsync(long rows, long loaded, long repeated, long skipped, long bad, CancellationToken cancellationToken = default) =>
        await ScalarAsync(_store.Connection, _transaction,
            "UPDATE imports SET finished_at = $at, rows = $rows, loaded = $loaded, repeated = $repeated, skipped = $skipped, bad = $bad WHERE id = $id",
            [("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ("$rows", rows), ("$loaded", loaded), ("$repeated", repeated),
             ("$skipped", skipped), ("$bad", bad), ("$id", _importId)], cancellationToken).ConfigureAwait(false);

    /// <summary>Makes everything written visible at once.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }

        foreach (var command in new[] { _upsertContact, _clearAttributes, _insertAttribute, _insertEvent, _recordField })
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _store.Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
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

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is long id ? id : 0;
    }
}
