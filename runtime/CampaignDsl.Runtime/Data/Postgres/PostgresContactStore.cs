using System.Globalization;
using CampaignDsl.Runtime.Scheduling;
using Npgsql;

namespace CampaignDsl.Runtime.Data.Postgres;

/// <summary>
/// The contacts and events store on PostgreSQL, for teams whose data already lives there or outgrows one file.
/// The same logical model as the SQLite store; opening it applies the schema steps it lacks
/// (<see cref="PostgresStoreMigrations"/>) under an advisory lock, so several processes may open it at once, and
/// refuses a store written by a newer campaignc. Each reader takes its own connection from a pool, so contacts and
/// events stream side by side.
/// </summary>
public sealed class PostgresContactStore : IAsyncDisposable
{
    // Not the run state's lock: a database may hold both stores, and each migrates on its own.
    private const long MigrationLock = 2120415520;

    private PostgresContactStore(NpgsqlDataSource dataSource, string description)
    {
        DataSource = dataSource;
        Description = description;
    }

    /// <summary>The store as a URL without its password, for messages.</summary>
    public string Description { get; }

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>Opens the store at a <c>postgres://</c> URL or an Npgsql connection string, migrating it if needed.</summary>
    public static async Task<PostgresContactStore> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!PostgresLocation.TryConnectionString(location, out var connectionString))
        {
            throw new DataSourceException("the store's URL holds a password; remove it and set PGPASSWORD in the environment instead");
        }

        string description;
        NpgsqlDataSource dataSource;
        try
        {
            description = PostgresLocation.Describe(connectionString);
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DataSourceException($"'{(location.Contains("assword", StringComparison.OrdinalIgnoreCase) ? "the connection string" : location)}' is neither a postgres://user@host:port/database URL nor a valid Npgsql connection string: {e.Message}");
        }

        try
        {
            await MigrateAsync(dataSource, description, cancellationToken).ConfigureAwait(false);
            return new PostgresContactStore(dataSource, description);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new DataSourceException($"cannot open the store {description}: {Reason(e)}", e);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The schema versions applied, oldest first.</summary>
    public async Task<IReadOnlyList<int>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var versions = new List<int>();
        await using var command = DataSource.CreateCommand("SELECT version FROM contact_store_migrations ORDER BY version");
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
        await using var command = DataSource.CreateCommand("SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM events)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The last import committed (0 before any): what changes whenever the data does, so a run can tell new data from old.</summary>
    public async Task<long> LastImportAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM imports WHERE finished_at IS NOT NULL");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Starts loading files into the store; nothing is visible to others until it is committed.</summary>
    public Task<PostgresStoreImport> BeginImportAsync(CancellationToken cancellationToken = default) =>
        PostgresStoreImport.BeginAsync(this, cancellationToken);

    /// <summary>The store as a data source for the simulator and the runner.</summary>
    public IContactSource AsSource() => new PostgresContactSource(this);

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync().ConfigureAwait(false);

    /// <summary>What went wrong, in one line: the server's message, or why the connection failed.</summary>
    public static string Reason(Exception e) => e switch
    {
        PostgresException p => $"{p.MessageText} ({p.SqlState})",
        NpgsqlException { InnerException: { } inner } n when inner is System.Net.Sockets.SocketException or TimeoutException or IOException => $"{n.Message} ({inner.Message})",
        _ => e.Message,
    };

    private static async Task MigrateAsync(NpgsqlDataSource dataSource, string description, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLock.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS contact_store_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
        await using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM contact_store_migrations", connection);
        var version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > PostgresStoreMigrations.Latest)
        {
            throw new DataSourceException($"the store {description} has schema version {version}, newer than this campaignc knows ({PostgresStoreMigrations.Latest}): update campaignc");
        }

        foreach (var migration in PostgresStoreMigrations.All.Where(m => m.Version > version))
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO contact_store_migrations (version, name, applied_at) VALUES (@version, @name, @at)", connection);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await RecordTimeZonesAsync(connection, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the zones PostgreSQL knows that .NET also knows (the evaluator's <see cref="LocalClock.FindZone"/>) and the table lacks.</summary>
    private static async Task RecordTimeZonesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // AT TIME ZONE reads a name that is also an abbreviation (CET, EST, MST) as that fixed offset, where .NET
        // reads the zone with its summer time; the same zone under posix/ is not an abbreviation. A zone that has
        // no such twin is left out, and so falls back to the campaign's zone.
        var (keys, names) = (new List<string>(), new List<string>());
        await using (var known = new NpgsqlCommand("""
            SELECT n.name, CASE WHEN NOT EXISTS (SELECT 1 FROM pg_timezone_abbrevs a WHERE lower(a.abbrev) = lower(n.name)) THEN n.name
                WHEN EXISTS (SELECT 1 FROM pg_timezone_names p WHERE p.name = 'posix/' || n.name) THEN 'posix/' || n.name END
            FROM pg_timezone_names n
            WHERE lower(n.name) NOT IN (SELECT key FROM time_zones)
            ORDER BY n.name
            """, connection))
        await using (var reader = await known.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!reader.IsDBNull(1) && LocalClock.FindZone(reader.GetString(0)) is not null)
                {
                    keys.Add(reader.GetString(0).ToLowerInvariant());
                    names.Add(reader.GetString(1));
                }
            }
        }

        if (keys.Count == 0)
        {
            return;
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO time_zones (key, name) SELECT k, min(n) FROM unnest(@keys::TEXT[], @names::TEXT[]) AS z (k, n) GROUP BY k ON CONFLICT (key) DO NOTHING", connection);
        insert.Parameters.AddWithValue("keys", keys.ToArray());
        insert.Parameters.AddWithValue("names", names.ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
