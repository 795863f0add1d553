using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>
/// A dry run: every contact of the source, one at a time, through the campaigns together on the virtual clock,
/// each timeline row handed to <paramref name="sink"/> as it is made and counted per stage. Nothing is sent.
/// </summary>
public static class CampaignSimulator
{
    public static Task<SimulationSummary> RunAsync(
        IReadOnlyList<CampaignPlan> plans, IContactSource source, SimulationPeriod period, Action<TimelineEntry> sink, CancellationToken cancellationToken = default) =>
        RunAsync(plans, source, period, sink, observe: null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="observe"/> also sees each contact with its whole timeline once it is simulated
    /// (progress, report samples), in the order the source reads contacts.
    /// </summary>
    public static Task<SimulationSummary> RunAsync(
        IReadOnlyList<CampaignPlan> plans, IContactSource source, SimulationPeriod period, Action<TimelineEntry> sink,
        Action<ContactHistory, IReadOnlyList<TimelineEntry>>? observe, CancellationToken cancellationToken = default) =>
        RunAsync(plans, source, period, sink, observe, forecast: null, cancellationToken);

    /// <summary>
    /// As above, with contacts reacting to what is sent as <paramref name="forecast"/> predicts (docs/runtime.md,
    /// "Engagement forecast"); the summary then has <see cref="SimulationSummary.Forecast"/>.
    /// </summary>
    public static Task<SimulationSummary> RunAsync(
        IReadOnlyList<CampaignPlan> plans, IContactSource source, SimulationPeriod period, Action<TimelineEntry> sink,
        Action<ContactHistory, IReadOnlyList<TimelineEntry>>? observe, IEngagementForecast? forecast, CancellationToken cancellationToken = default) =>
        RunAsync(plans, source, period, sink, observe, forecast, pushDown: true, cancellationToken);

    /// <summary>
    /// As above. With <paramref name="pushDown"/>, a store that can say who may enter at all (<see cref="EntryPrefilter"/>)
    /// is asked first and only those contacts' histories are read: the others would get empty timelines. The timeline
    /// and the summary are the same either way (the summary still counts every contact of the store); only
    /// <paramref name="observe"/> sees fewer contacts. False reads everyone, to compare.
    /// </summary>
    public static async Task<SimulationSummary> RunAsync(
        IReadOnlyList<CampaignPlan> plans, IContactSource source, SimulationPeriod period, Action<TimelineEntry> sink,
        Action<ContactHistory, IReadOnlyList<TimelineEntry>>? observe, IEngagementForecast? forecast, bool pushDown, CancellationToken cancellationToken = default)
    {
        var summary = new SimulationSummary(plans) { Forecast = forecast is null ? null : new Forecast.ForecastSummary(plans) };
        SqliteContactSource? only = null;
        long? everyone = null;
        if (pushDown && source is SqliteContactSource store
            && await EntryPrefilter.FindAsync(plans, store.Store, period, EntryPrefilter.Affordable, cancellationToken).ConfigureAwait(false) is { } ids)
        {
            everyone = await store.CountContactsAsync(cancellationToken).ConfigureAwait(false);
            only = await store.OnlyAsync(ids.Order(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await foreach (var (history, timeline) in PlayAsync(plans, only ?? source, source, period, forecast, cancellationToken).ConfigureAwait(false))
            {
                summary.AddContact(timeline);
                observe?.Invoke(history, timeline);
                foreach (var entry in timeline.OrderBy(e => e.AtUtc))
                {
                    sink(entry);
                }
            }
        }
        finally
        {
            if (only is not null)
            {
                await only.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (everyone is { } all)
        {
            summary.AddUnread(all - summary.Contacts);
        }

        return summary;
    }

    /// <summary>
    /// Plays every contact of the source through the campaigns together over <paramref name="period"/>, yielding each
    /// contact with its timeline in the order the source reads them: the simulator's and the real runner's common loop.
    /// </summary>
    public static IAsyncEnumerable<(ContactHistory History, IReadOnlyList<TimelineEntry> Timeline)> PlayAsync(
        IReadOnlyList<CampaignPlan> plans, IContactSource source, SimulationPeriod period, IEngagementForecast? forecast = null,
        CancellationToken cancellationToken = default) =>
        PlayAsync(plans, source, source, period, forecast, cancellationToken);

    /// <summary>As above, playing the contacts of <paramref name="source"/>, ranked for RFM within the whole <paramref name="population"/>.</summary>
    private static async IAsyncEnumerable<(ContactHistory History, IReadOnlyList<TimelineEntry> Timeline)> PlayAsync(
        IReadOnlyList<CampaignPlan> plans, IContactSource source, IContactSource population, SimulationPeriod period, IEngagementForecast? forecast,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ranked = plans.Where(ExpressionFeatures.UsesRfm).ToList();
        var populations = ranked.Count == 0
            ? new Dictionary<CampaignPlan, RfmPopulation>()
            : await RfmAtStartAsync(ranked, population, period.Start, cancellationToken).ConfigureAwait(false);
        var campaigns = plans.Select(p => new ScheduledCampaign(p, populations.GetValueOrDefault(p))).ToList();
        var scheduler = new ContactScheduler(campaigns, period, forecast);

        // Contacts are played in parallel while the source is read; the timelines still arrive in the order read.
        await foreach (var played in ScheduledBatches.RunAsync(ContactHistories.ReadAsync(source, cancellationToken), scheduler.Run, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return played;
        }
    }

    /// <summary>
    /// RFM quintiles rank a contact within every contact who had bought by the start of the run (docs/runtime.md, "RFM"),
    /// measured first, in one pass; every campaign that uses RFM ranks within the same population.
    /// </summary>
    private static async Task<Dictionary<CampaignPlan, RfmPopulation>> RfmAtStartAsync(
        List<CampaignPlan> plans, IContactSource source, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var population = new RfmPopulation(start);
        await foreach (var history in ContactHistories.ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            population.Add(RfmMeasures.Of(history, start));
        }

        return plans.ToDictionary(p => p, _ => population);
    }
}
