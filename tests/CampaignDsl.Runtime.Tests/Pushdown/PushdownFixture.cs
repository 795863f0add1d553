using System.Collections.Frozen;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Sql;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>One store, and the two ways of asking it who matches: SQL push-down and the in-memory evaluator over the same contacts.</summary>
internal sealed class PushdownFixture(ContactStore store, List<ContactHistory> histories, SqlSchema schema)
{
    public ContactStore Store => store;

    public int Contacts => histories.Count;

    public static async Task<PushdownFixture> OpenAsync(ContactStore store)
    {
        var histories = await ContactHistories.ReadAsync(store.AsSource()).ToListAsync();
        return new PushdownFixture(store, histories, await store.SchemaAsync());
    }

    public SqlTranslation Translate(PlanExpression condition, FrozenDictionary<string, PlanSegment> segments, DateTimeOffset now, string? zone) =>
        ConditionTranslator.Translate(condition, SqliteDialect.Instance, schema, segments, now, zone);

    public async Task<List<string>> InSqlAsync(SqlCondition condition) => await store.MatchingIdsAsync(condition).ToListAsync();

    public List<string> InMemory(PlanExpression condition, FrozenDictionary<string, PlanSegment> segments, DateTimeOffset now, string? zone)
    {
        var fallback = LocalClock.FindZone(zone) ?? TimeZoneInfo.Utc;
        return [.. histories
            .Where(h => ExpressionEvaluator.Holds(condition, new EvaluationContext(h, now, LocalClock.FindZone(h.Contact.TimeZone) ?? fallback, segments, RfmPopulation.Empty)))
            .Select(h => h.Contact.Id)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Translates and runs the condition both ways; null when it is not pushed down (with the reason in <paramref name="refused"/>).</summary>
    public async Task<(List<string> Sql, List<string> Memory)?> BothAsync(
        PlanExpression condition, FrozenDictionary<string, PlanSegment> segments, DateTimeOffset now, string? zone, Action<string>? refused = null)
    {
        var translation = Translate(condition, segments, now, zone);
        if (!translation.Succeeded)
        {
            refused?.Invoke(translation.NotTranslatable!);
            return null;
        }

        return (await InSqlAsync(translation.Condition!), InMemory(condition, segments, now, zone));
    }
}
