using System.Runtime.CompilerServices;
using CampaignDsl.Runtime.Data.Sql;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>
/// Conditions pushed down to the store (<see cref="ConditionTranslator"/> with <see cref="SqliteDialect"/>): the
/// schema the translator needs, and the contacts a condition selects, counted or listed by id.
/// </summary>
public static class StoreConditions
{
    /// <summary>The kinds each custom attribute is stored in.</summary>
    public static async Task<SqlSchema> SchemaAsync(this ContactStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var command = store.Connection.CreateCommand();
        command.CommandText = ConditionQueries.SchemaSql;
        return await ConditionQueries.SchemaAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many contacts the condition selects.</summary>
    public static async Task<long> CountAsync(this ContactStore store, SqlCondition condition, CancellationToken cancellationToken = default)
    {
        await using var command = Command(store, ConditionQueries.CountSelect, condition);
        return await ConditionQueries.CountAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the contacts the condition selects, in ordinal order.</summary>
    public static async IAsyncEnumerable<string> MatchingIdsAsync(this ContactStore store, SqlCondition condition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(store, ConditionQueries.IdsSelect, condition, ConditionQueries.IdsOrder);
        await foreach (var id in ConditionQueries.IdsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            yield return id;
        }
    }

    /// <summary>The ids of the contacts with an event of <paramref name="type"/> in [<paramref name="from"/>, <paramref name="until"/>), in ordinal order.</summary>
    internal static async IAsyncEnumerable<string> IdsWithEventAsync(
        this ContactStore store, string type, DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT contact_id FROM events WHERE type = $type AND at >= $from AND at < $until ORDER BY contact_id";
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$from", StoreKinds.ToUnixMilliseconds(from));
        command.Parameters.AddWithValue("$until", StoreKinds.ToUnixMilliseconds(until));
        await foreach (var id in ConditionQueries.IdsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            yield return id;
        }
    }

    internal static SqliteCommand Command(ContactStore store, string select, SqlCondition condition, string rest = "")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(condition);
        SqliteDialect.Register(store.Connection);
        var command = store.Connection.CreateCommand();
        command.CommandText = select + condition.Where + rest;
        for (var i = 0; i < condition.Parameters.Length; i++)
        {
            command.Parameters.AddWithValue(SqliteDialect.Instance.Parameter(i), condition.Parameters[i] ?? DBNull.Value);
        }

        return command;
    }
}
