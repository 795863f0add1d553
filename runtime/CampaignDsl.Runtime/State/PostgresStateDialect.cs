using System.Data.Common;
using CampaignDsl.Runtime.Data.Postgres;
using Npgsql;

namespace CampaignDsl.Runtime.State;

/// <summary>
/// The team store: PostgreSQL (or an engine that speaks its protocol and its <c>FOR UPDATE SKIP LOCKED</c>).
/// Workers on several machines claim due sends with row locks that skip each other's rows, so each send is
/// handed to exactly one worker; migrations are serialised by an advisory lock. The location is a
/// <c>postgres://user@host:port/database</c> URL or an Npgsql connection string; the password comes from
/// <c>PGPASSWORD</c> (or <c>~/.pgpass</c>), never from the command line or campaignc.yaml.
/// </summary>
internal sealed class PostgresStateDialect : StateDialect
{
    public override string Kind => "postgres";

    public override string AutoId => "BIGSERIAL PRIMARY KEY";

    public override string MigrationLock => "SELECT pg_advisory_xact_lock(2120415519);";

    protected override string RowLock => "FOR UPDATE SKIP LOCKED";


    public override async Task<DbConnection> OpenAsync(string location, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString(location));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override string Describe(string location) => PostgresLocation.Describe(ConnectionString(location));

    /// <summary>Turns a <c>postgres://</c> URL into an Npgsql connection string; a password in the URL is refused.</summary>
    internal static string ConnectionString(string location) =>
        PostgresLocation.TryConnectionString(location, out var connectionString)
            ? connectionString
            : throw new StateStoreException("the state store's URL holds a password; remove it and set PGPASSWORD in the environment instead");
}
