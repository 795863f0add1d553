using System.Collections.Frozen;
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
        var kinds = new Dictionary<string, HashSet<DataValueKind>>(StringComparer.Ordinal);
        await using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT name, kind FROM contact_attributes";
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

    /// <summary>How many contacts the condition selects.</summary>
    public static async Task<long> CountAsync(this ContactStore store, SqlCondition condition, CancellationToken cancellationToken = default)
    {
        await using var command = Command(store, "SELECT count(*) FROM contacts c WHERE ", condition);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The ids of the contacts the condition selects, in ordinal order.</summary>
    public static async IAsyncEnumerable<string> MatchingIdsAsync(this ContactStore store, SqlCondition condition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(store, "SELECT c.id FROM contacts c WHERE ", condition, " ORDER BY c.id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
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
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
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
