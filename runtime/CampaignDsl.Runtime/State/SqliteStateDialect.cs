using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.State;

/// <summary>
/// The embedded state store: one SQLite file in WAL mode. Writers queue on SQLite's write lock
/// (<c>busy_timeout</c>), so several local workers can share one file; a claim is one
/// <c>UPDATE ... RETURNING</c> and therefore atomic.
/// </summary>
internal sealed class SqliteStateDialect : StateDialect
{
    public override string Kind => "sqlite";

    public override string AutoId => "INTEGER PRIMARY KEY";

    public override string MigrationLock => "";

    protected override string RowLock => "";

    public override async Task<DbConnection> OpenAsync(string location, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(location));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StateStoreException($"cannot create the state store '{location}': the folder '{folder}' does not exist");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();

        // FULL: a send marked delivered stays marked through a power loss, not only through a crash of the process.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 60000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override string Describe(string location) => location;
}
