using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace CampaignDsl.Runtime.State;

/// <summary>
/// The durable state of real runs (docs/runtime.md, "The run state"): which campaigns run since when under
/// which plan version, the outbox of sends with their idempotency keys and outcomes, suppressions, profile
/// updates and the append-only audit log. One class over SQLite (a file: the default) and PostgreSQL
/// (a URL: for teams and several workers); the schema is migrated on open.
/// </summary>
public sealed partial class RunState : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly StateDialect _dialect;

    private RunState(DbConnection connection, StateDialect dialect, string description)
    {
        _connection = connection;
        _dialect = dialect;
        Description = description;
    }

    /// <summary>The store as messages name it (never with a password).</summary>
    public string Description { get; }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Kind => _dialect.Kind;

    /// <summary>Opens (creating an SQLite file if needed) and migrates the state at <paramref name="location"/>: a file path, or a <c>postgres://</c> URL.</summary>
    public static async Task<RunState> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        StateDialect dialect = Data.Postgres.PostgresLocation.Claims(location) ? new PostgresStateDialect() : new SqliteStateDialect();
        var description = dialect.Describe(location);
        DbConnection? connection = null;
        try
        {
            connection = await dialect.OpenAsync(location, cancellationToken).ConfigureAwait(false);
            var state = new RunState(connection, dialect, description);
            await state.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return state;
        }
        catch (DbException e)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new StateStoreException($"cannot open the run state '{description}': {e.Message}", e);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>The schema versions applied, oldest first.</summary>
    public async Task<IReadOnlyList<int>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var versions = new List<int>();
        await using var command = Command("SELECT version FROM state_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS state_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
        foreach (var migration in StateMigrations.All)
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (_dialect.MigrationLock.Length > 0)
            {
                await ExecuteAsync(_dialect.MigrationLock, cancellationToken, transaction).ConfigureAwait(false);
            }

            // SQLite: the first write takes the file's write lock, so the check below sees every earlier migration.
            await ExecuteAsync("UPDATE state_migrations SET version = version WHERE version < 0", cancellationToken, transaction).ConfigureAwait(false);
            await using (var check = Command("SELECT count(*) FROM state_migrations WHERE version = @version", transaction))
            {
                Add(check, "version", migration.Version);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            await ExecuteAsync(migration.Sql.Replace("{AUTO_ID}", _dialect.AutoId, StringComparison.Ordinal), cancellationToken, transaction).ConfigureAwait(false);
            await using (var record = Command("INSERT INTO state_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction))
            {
                Add(record, "version", migration.Version);
                Add(record, "name", migration.Name);
                Add(record, "at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var newer = Command("SELECT max(version) FROM state_migrations");
        if (await newer.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } max and not DBNull
            && Convert.ToInt32(max, CultureInfo.InvariantCulture) > StateMigrations.Latest)
        {
            throw new StateStoreException($"the run state '{Description}' was written by a newer campaignc (schema {max}, this one knows {StateMigrations.Latest}); upgrade campaignc");
        }
    }

    private DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Typed even when null, so that PostgreSQL never has to guess a parameter's type.
    private static void Add(DbCommand command, string name, string? value) => Add(command, name, value, System.Data.DbType.String);

    private static void Add(DbCommand command, string name, long? value) => Add(command, name, value, System.Data.DbType.Int64);

    private static void Add(DbCommand command, string name, object? value, System.Data.DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string HeadersJson(IReadOnlyDictionary<string, string> headers) =>
        JsonSerializer.Serialize(headers.OrderBy(h => h.Key, StringComparer.Ordinal).ToDictionary(h => h.Key, h => h.Value), StateJson.Default.DictionaryStringString);
}
