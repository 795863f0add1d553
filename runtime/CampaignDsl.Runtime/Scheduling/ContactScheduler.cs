using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling.Journeys;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// The rules every contact's journey is played by (<see cref="ContactJourney"/>): the campaigns played together, which
/// are entered only by hand-off, the forecast, the seed of placement, and the horizon past which nothing is decided.
/// A simulation plays each contact from the start of its period to the end in one go (<see cref="Run"/>); a real run
/// keeps each journey and advances it tick by tick with the same rules. docs/runtime.md ("Scheduling") states each rule.
/// </summary>
public sealed class ContactScheduler
{
    private readonly SimulationPeriod? _period;

    /// <param name="forecast">How contacts react to sends (docs/runtime.md, "Engagement forecast"); null: only the data's own events.</param>
    public ContactScheduler(IReadOnlyList<ScheduledCampaign> campaigns, SimulationPeriod period, IEngagementForecast? forecast = null)
        : this(campaigns, period.Seed, forecast, period.End)
    {
        _period = period;
    }

    /// <param name="horizon">The end of a simulated period: what would happen at or after it is not decided (a capped send past it is
    /// reported as capped). Null for a real run, which has no end: its journeys wait for their moments.</param>
    public ContactScheduler(IReadOnlyList<ScheduledCampaign> campaigns, long seed, IEngagementForecast? forecast, DateTimeOffset? horizon)
    {
        Campaigns = campaigns;
        Forecast = forecast;
        Seed = seed;
        Horizon = horizon;
        ByName = campaigns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // A campaign another one hands off to, with no entry of its own, is entered only through the hand-off.
        var targets = campaigns.Select(c => c.Plan.Policies.Handoff?.Campaign).OfType<string>().ToHashSet(StringComparer.Ordinal);
        HandoffOnly = campaigns.Where(c => c.Plan.Audience.Entry.Id is null && targets.Contains(c.Name)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var campaign in campaigns)
        {
            foreach (var incentive in campaign.Plan.Incentives)
            {
                Incentives.TryAdd((campaign.Name, incentive.Name), incentive);
            }
        }
    }

    public IReadOnlyList<ScheduledCampaign> Campaigns { get; }

    internal Dictionary<string, ScheduledCampaign> ByName { get; }

    /// <summary>Campaigns entered only through another's hand-off: they have no entry chances of their own.</summary>
    internal HashSet<string> HandoffOnly { get; }

    internal IEngagementForecast? Forecast { get; }

    internal Dictionary<(string Campaign, string Incentive), PlanIncentive> Incentives { get; } = [];

    /// <summary>Salts placement inside timing windows.</summary>
    internal long Seed { get; }

    /// <summary>The end of a simulated period; null in a real run.</summary>
    internal DateTimeOffset? Horizon { get; }

    /// <summary>The campaign's position among those played together: what orders entry chances at the same moment.</summary>
    internal int IndexOf(ScheduledCampaign campaign)
    {
        for (var i = 0; i < Campaigns.Count; i++)
        {
            if (ReferenceEquals(Campaigns[i], campaign))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The contact's timeline over the period. With a forecast, <paramref name="history"/> gains the events the forecast
    /// predicts, so give each run a history of its own. Runs share no state: contacts may be played in parallel.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Run(ContactHistory history)
    {
        var period = _period ?? throw new InvalidOperationException("a scheduler without a period plays journeys tick by tick");
        var journey = new ContactJourney(this);
        journey.AddCalendarChances(history, period.Start, period.End);
        journey.Advance(history, period.End);
        return journey.TakeRows();
    }
}
