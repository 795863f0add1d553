using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data.Sql;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>Who a campaign's snapshot entry would let in, and whether SQL answered (else the reason, and memory did).</summary>
public sealed record SnapshotAudienceResult(IReadOnlySet<string> ContactIds, bool PushedDown, string? NotTranslatable);

/// <summary>
/// The contacts a campaign with a snapshot entry (<c>entry once</c>: at the start; <c>entry daily</c>: at each
/// simulated midnight) would enter at least once in a period: its audience pushed down to the store as SQL at each
/// check, or, when the condition cannot be translated, evaluated in memory over the same store. Re-entry and
/// hand-offs are not counted: this is who enters, not how often.
/// </summary>
public static class SnapshotAudience
{
    public static async Task<SnapshotAudienceResult> FindAsync(ContactStore store, CampaignPlan plan, SimulationPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(period);
        var checks = Checks(plan.Audience.Entry, period);
        var schema = await store.SchemaAsync(cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var now in checks)
        {
            var translation = ConditionTranslator.TranslateAudience(plan, SqliteDialect.Instance, schema, now);
            if (!translation.Succeeded)
            {
                return new SnapshotAudienceResult(await InMemoryAsync(store, plan, checks, cancellationToken).ConfigureAwait(false), false, translation.NotTranslatable);
            }

            await foreach (var id in store.MatchingIdsAsync(translation.Condition!, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(id);
            }
        }

        return new SnapshotAudienceResult(ids, true, null);
    }

    private static List<DateTimeOffset> Checks(PlanEntry entry, SimulationPeriod period) => entry.Mode switch
    {
        EntryModes.Once => [period.Start],
        EntryModes.Daily => [.. EntryCalendar.DailyChecks(period.Start, period.Start, period.End)],
        _ => throw new ArgumentException($"entry {entry.Mode} is not a snapshot: its audience is checked at each contact's own moments", nameof(entry)),
    };

    private static async Task<IReadOnlySet<string>> InMemoryAsync(ContactStore store, CampaignPlan plan, List<DateTimeOffset> checks, CancellationToken cancellationToken)
    {
        var campaign = new ScheduledCampaign(plan);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var history in ContactHistories.ReadAsync(store.AsSource(), cancellationToken).ConfigureAwait(false))
        {
            var zone = campaign.ZoneOf(history.Contact);
            if (checks.Any(now => plan.Audience.Where is not { } where || ExpressionEvaluator.Holds(where, new EvaluationContext(history, now, zone, campaign.Segments, RfmPopulation.Empty))))
            {
                ids.Add(history.Contact.Id);
            }
        }

        return ids;
    }
}
