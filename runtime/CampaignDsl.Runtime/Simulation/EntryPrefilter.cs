using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data.Sql;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>
/// Who could enter any of the simulated campaigns, asked of the store before the run so that only their histories
/// are read (docs/runtime.md, "Simulation push-down"). A contact outside the set gets an empty timeline either way, so
/// the run's output is the same. Null (read everyone) unless every campaign with an entry of its own is a snapshot
/// (<c>entry once</c>, <c>entry daily</c>) whose audience condition translates to SQL at every check, or enters on an
/// event (the contacts with an event of that type in the period). Campaigns entered only by hand-off add nobody: the
/// contact entered the campaign that hands off first.
/// <para>
/// Each check is one query over the whole store, evaluating the condition's subqueries for every contact: for
/// <c>entry daily</c> that is one query per simulated day, which costs more than reading everyone (three times the
/// CPU at 100,000 contacts over 60 days), so the simulator asks at most <see cref="Affordable"/> queries a campaign.
/// </para>
/// </summary>
internal static class EntryPrefilter
{
    /// <summary>The most audience queries per campaign the simulator asks before it reads everyone instead.</summary>
    public const int Affordable = 1;

    /// <param name="maxChecks">Null (read everyone) when a campaign would take more audience queries than this.</param>
    public static async Task<HashSet<string>?> FindAsync(
        IReadOnlyList<CampaignPlan> plans, ContactStore store, SimulationPeriod period, int maxChecks, CancellationToken cancellationToken)
    {
        var targets = plans.Select(p => p.Policies.Handoff?.Campaign).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var entering = plans.Where(p => !(p.Audience.Entry.Id is null && targets.Contains(p.Campaign.Name))).ToList();
        var queries = new List<SqlCondition>();
        var eventTypes = new HashSet<string>(StringComparer.Ordinal);
        SqlSchema? schema = null;
        foreach (var plan in entering)
        {
            switch (plan.Audience.Entry.Mode)
            {
                case EntryModes.Once or EntryModes.Daily when plan.Audience.Where is not null:
                    var checks = Checks(plan.Audience.Entry, period).ToList();
                    if (checks.Count > maxChecks)
                    {
                        return null;
                    }

                    schema ??= await store.SchemaAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var now in checks)
                    {
                        var translation = ConditionTranslator.TranslateAudience(plan, SqliteDialect.Instance, schema, now);
                        if (translation.Condition is not { } condition)
                        {
                            return null;
                        }

                        queries.Add(condition);
                    }

                    break;
                case EntryModes.Event when plan.Audience.Entry.Event is { } type:
                    eventTypes.Add(type);
                    break;
                default:
                    // No condition (everyone may enter), a date or anniversary entry: every contact is read.
                    return null;
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in queries)
        {
            await foreach (var id in store.MatchingIdsAsync(condition, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(id);
            }
        }

        foreach (var type in eventTypes)
        {
            await foreach (var id in store.IdsWithEventAsync(type, period.Start, period.End, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The moments a snapshot entry checks its audience at, as <see cref="EntryCalendar"/> gives them.</summary>
    private static IEnumerable<DateTimeOffset> Checks(PlanEntry entry, SimulationPeriod period)
    {
        if (entry.Mode == EntryModes.Once)
        {
            yield return period.Start;
            yield break;
        }

        foreach (var day in EntryCalendar.DailyChecks(period.Start, period.Start, period.End))
        {
            yield return day;
        }
    }
}
