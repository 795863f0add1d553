using System.Collections.Frozen;
using System.Data.Common;
using System.Runtime.CompilerServices;
using CampaignDsl.Runtime.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>
/// The queries both SQL stores answer for push-down, written once over <see cref="DbCommand"/>: each store only
/// makes the command (its connection, its parameters) — <see cref="StoreConditions"/> for SQLite,
/// <see cref="Postgres.PostgresConditions"/> for PostgreSQL.
/// </summary>
internal static class ConditionQueries
{
    public const string SchemaSql = "SELECT DISTINCT name, kind FROM contact_attributes";

    public const string CountSelect = "SELECT count(*) FROM contacts c WHERE ";

    public const string IdsSelect = "SELECT c.id FROM contacts c WHERE ";

    public const string IdsOrder = " ORDER BY c.id";

    /// <summary>The kinds each custom attribute is stored in, read by <paramref name="command"/> (<see cref="SchemaSql"/>).</summary>
    public static async Task<SqlSchema> SchemaAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var kinds = new Dictionary<string, HashSet<DataValueKind>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            if (!kinds.TryGetValue(name, out var set))
            {
                kinds[name] = set = [];
            }

            set.Add(StoreKinds.Parse(reader.GetString(1)));
        }

        return new SqlSchema(kinds.ToFrozenDictionary(k => k.Key, k => (IReadOnlySet<DataValueKind>)k.Value, StringComparer.Ordinal));
    }

    public static async Task<long> CountAsync(DbCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first column of every row <paramref name="command"/> returns, as text.</summary>
    public static async IAsyncEnumerable<string> IdsAsync(DbCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }
}
