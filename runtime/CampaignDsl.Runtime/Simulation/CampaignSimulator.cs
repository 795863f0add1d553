using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>
/// A dry run: every contact of the source, one at a time, through the campaigns together on the virtual clock,
/// each timeline row handed to <paramref name="sink"/> as it is made and counted per stage. Nothing is sent.
/// </summary>
public static class CampaignSimulator
{
    public static async Task<SimulationSummary> RunAsync(
        IReadOnlyList<CampaignPlan> plans, IContactSource source, SimulationPeriod period, Action<TimelineEntry> sink, CancellationToken cancellationToken = default)
    {
        var ranked = plans.Where(ExpressionFeatures.UsesRfm).ToList();
        var populations = ranked.Count == 0
            ? new Dictionary<CampaignPlan, RfmPopulation>()
            : await RfmAtStartAsync(ranked, source, period.Start, cancellationToken).ConfigureAwait(false);
        var campaigns = plans.Select(p => new ScheduledCampaign(p, populations.GetValueOrDefault(p))).ToList();
        var scheduler = new ContactScheduler(campaigns, period);
        var summary = new SimulationSummary(campaigns.Select(c => c.Plan));
        await foreach (var history in ContactHistories.ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            var timeline = scheduler.Run(history);
            summary.AddContact(timeline);
            foreach (var entry in timeline.OrderBy(e => e.AtUtc))
            {
                sink(entry);
            }
        }

        return summary;
    }

    /// <summary>
    /// RFM quintiles rank a contact within its campaign's audience, so each audience is measured first, in one
    /// pass, at the start of the run (the audience condition cannot itself use RFM, so this is well defined).
    /// </summary>
    private static async Task<Dictionary<CampaignPlan, RfmPopulation>> RfmAtStartAsync(
        List<CampaignPlan> plans, IContactSource source, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var populations = plans.ToDictionary(p => p, _ => new RfmPopulation());
        await foreach (var history in ContactHistories.ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            RfmMeasures? measures = null;
            foreach (var plan in plans)
            {
                var campaign = new ScheduledCampaign(plan);
                var context = new EvaluationContext(history, start, campaign.ZoneOf(history.Contact), campaign.Segments, RfmPopulation.Empty);
                if (plan.Audience.Where is not { } where || ExpressionEvaluator.Holds(where, context))
                {
                    populations[plan].Add(measures ??= RfmMeasures.Of(history, start));
                }
            }
        }

        return populations;
    }
}
