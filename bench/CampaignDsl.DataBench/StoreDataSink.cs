using System.Globalization;
using CampaignDsl.Runtime.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.DataBench;

/// <summary>
/// Writes generated records straight into a contact store, as <c>campaignc import</c> of the generated CSV files would
/// leave it, without the CSV text in between: prepared statements, one transaction, the events' indexes
/// built once at the end (sorting is much faster than inserting into four indexes row by row). For benchmarks that
/// need ten million events in seconds, not for real data, which goes through the importer's checks. Each contact's
/// events arrive before the contact (the generator's order), so foreign keys are checked by nobody here: the generator
/// makes no orphans.
/// </summary>
internal sealed class StoreDataSink : IGeneratedDataSink, IDisposable
{
    private static readonly string[] EventIndexes =
    [
        "CREATE INDEX events_by_contact ON events (contact_id, at)",
        "CREATE INDEX events_by_time ON events (at)",
        "CREATE INDEX events_by_type ON events (type, at)",
        "CREATE INDEX events_by_source ON events (source_id)",
    ];

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private readonly SqliteCommand _contact;
    private readonly SqliteCommand _attribute;
    private readonly SqliteCommand _event;

    private StoreDataSink(SqliteConnection connection)
    {
        _connection = connection;
        Execute("PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144");
        foreach (var index in EventIndexes)
        {
            Execute("DROP INDEX IF EXISTS " + index.Split(' ')[2]);
        }

        _transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Execute($"""
            INSERT INTO sources (id, path, kind) VALUES (1, 'generated/contacts.csv', 'contacts'), (2, 'generated/events.csv', 'events');
            INSERT INTO imports (id, source_id, started_at, finished_at) VALUES (1, 1, {now}, {now}), (2, 2, {now}, {now});
            INSERT INTO event_fields (type, name, kind) VALUES ('email.open', 'campaign', 'text'), ('email.click', 'campaign', 'text'),
                ('purchase', 'category', 'text'), ('purchase', 'order_id', 'text');
            """);
        _contact = Prepare("""
            INSERT INTO contacts (id, email, first_name, last_name, timezone, locale, subscribed, created_at, import_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)
            """, 8);
        _attribute = Prepare("INSERT INTO contact_attributes (contact_id, name, kind, value_text, value_number) VALUES ($1, $2, $3, $4, $5)", 5);
        _event = Prepare("INSERT INTO events (contact_id, type, at, amount, properties, source_id) VALUES ($1, $2, $3, $4, $5, 2)", 5);
    }

    /// <summary>Creates the store at <paramref name="path"/> (which must not exist yet) with the current schema and opens it for writing.</summary>
    public static async Task<StoreDataSink> CreateAsync(string path)
    {
        await (await ContactStore.OpenAsync(path).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return new StoreDataSink(connection);
    }

    public void Event(GeneratedEvent e)
    {
        var p = _event.Parameters;
        p[0].Value = e.ContactId;
        p[1].Value = e.Type;
        p[2].Value = e.At.ToUnixTimeMilliseconds();
        p[3].Value = e.Amount is { } amount ? (double)amount : DBNull.Value;
        p[4].Value = e.Campaign is { } campaign ? $$"""{"campaign":"{{campaign}}"}"""
            : e.OrderId is { } order ? $$"""{"category":"{{e.Category}}","order_id":"{{order}}"}"""
            : DBNull.Value;
        _event.ExecuteNonQuery();
    }

    public void Contact(GeneratedContact c)
    {
        var p = _contact.Parameters;
        p[0].Value = c.Id;
        p[1].Value = c.Email;
        p[2].Value = c.FirstName;
        p[3].Value = c.LastName;
        p[4].Value = c.TimeZone;
        p[5].Value = c.Locale;
        p[6].Value = c.Subscribed ? 1 : 0;
        p[7].Value = c.CreatedAt.ToUnixTimeMilliseconds();
        _contact.ExecuteNonQuery();
        Attribute(c.Id, "country", "text", c.Country, null);
        Attribute(c.Id, "lifetime_value", "number", c.LifetimeValue.ToString(CultureInfo.InvariantCulture), (double)c.LifetimeValue);
        Attribute(c.Id, "vip", "boolean", c.Vip ? "true" : "false", null);
    }

    /// <summary>Builds the indexes and commits; the store is then what an import would have made.</summary>
    public void Complete()
    {
        foreach (var index in EventIndexes)
        {
            Execute(index);
        }

        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Dispose()
    {
        _contact.Dispose();
        _attribute.Dispose();
        _event.Dispose();
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private void Attribute(string id, string name, string kind, string text, double? number)
    {
        var p = _attribute.Parameters;
        p[0].Value = id;
        p[1].Value = name;
        p[2].Value = kind;
        p[3].Value = text;
        p[4].Value = number is { } n ? n : DBNull.Value;
        _attribute.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture) });
        }

        command.Prepare();
        return command;
    }
}
