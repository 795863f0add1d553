using System.Runtime.CompilerServices;
using CampaignDsl.Runtime.Data.Sql;
using CampaignDsl.Runtime.Data.Sqlite;
using Npgsql;

namespace CampaignDsl.Runtime.Data.Postgres;

/// <summary>
/// Conditions pushed down to the PostgreSQL store (<see cref="ConditionTranslator"/> with <see cref="PostgresDialect"/>):
/// the schema the translator needs, and the contacts a condition selects, counted or listed by id, as
/// <see cref="StoreConditions"/> does for SQLite.
/// </summary>
public static class PostgresConditions
{
    /// <summary>The kinds each custom attribute is stored in.</summary>
    public static async Task<SqlSchema> SchemaAsync(this PostgresContactStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var command = store.DataSource.CreateCommand(ConditionQueries.SchemaSql);
        return await ConditionQueries.SchemaAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many contacts the condition selects.</summary>
    public static async Task<long> CountAsync(this PostgresContactStore store, SqlCondition condition, CancellationToken cancellationToken = default)
    {
        await using var command = Command(store, ConditionQueries.CountSelect, condition);
        return await ConditionQueries.CountAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the contacts the condition selects, in ordinal order.</summary>
    public static async IAsyncEnumerable<string> MatchingIdsAsync(this PostgresContactStore store, SqlCondition condition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(store, ConditionQueries.IdsSelect, condition, ConditionQueries.IdsOrder);
        await foreach (var id in ConditionQueries.IdsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            yield return id;
        }
    }

    private static NpgsqlCommand Command(PostgresContactStore store, string select, SqlCondition condition, string rest = "")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(condition);
        var command = store.DataSource.CreateCommand(select + condition.Where + rest);
        for (var i = 0; i < condition.Parameters.Length; i++)
        {
            // A NULL (a campaign without a zone) is sent as text, the only type the translator leaves NULL.
            command.Parameters.Add(condition.Parameters[i] is { } value
                ? new NpgsqlParameter("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value)
                : new NpgsqlParameter("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value });
        }

        return command;
    }
}
