using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>
/// The embedded SQLite store of contacts and events (the default data store: one file, no server).
/// Opening it creates the file if needed and applies the schema steps it lacks
/// (<see cref="StoreMigrations"/>), each once; a store written by a newer campaignc is refused rather
/// than misread.
/// </summary>
public sealed class ContactStore : IAsyncDisposable
{
    private ContactStore(SqliteConnection connection, string path)
    {
        Connection = connection;
        Path = path;
    }

    public string Path { get; }

    internal SqliteConnection Connection { get; }

    public static async Task<ContactStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DataSourceException($"cannot create the store '{path}': the folder '{folder}' does not exist");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;", cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, path, cancellationToken).ConfigureAwait(false);
            return new ContactStore(connection, path);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new DataSourceException($"cannot open the store '{path}': {e.Message} (is it an SQLite file made by campaignc import?)", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The schema versions applied, oldest first.</summary>
    public async Task<IReadOnlyList<int>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var versions = new List<int>();
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <summary>How many contacts and events the store holds.</summary>
    public async Task<(long Contacts, long Events)> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM events)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The last import committed (0 before any): what changes whenever the data does, so a run can tell new data from old.</summary>
    public async Task<long> LastImportAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM imports WHERE finished_at IS NOT NULL";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Starts loading files into the store; nothing is visible to others until it is committed.</summary>
    public Task<StoreImport> BeginImportAsync(CancellationToken cancellationToken = default) =>
        StoreImport.BeginAsync(this, cancellationToken);

    /// <summary>The store as a data source for the simulator and the runner.</summary>
    public IContactSource AsSource() => new SqliteContactSource(this);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
        await using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (version > StoreMigrations.Latest)
        {
            throw new DataSourceException($"the store '{path}' has schema version {version}, newer than this campaignc knows ({StoreMigrations.Latest}): update campaignc");
        }

        foreach (var migration in StoreMigrations.All.Where(m => m.Version > version))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, migration.Sql, cancellationToken, transaction).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
