using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>The counts of a run: contacts read, contacts who entered each campaign, and a tally per stage, in plan order.</summary>
public sealed class SimulationSummary
{
    private readonly Dictionary<(string, string?), StageTally> _tallies = [];
    private readonly Dictionary<string, int> _entered = new(StringComparer.Ordinal);
    private readonly List<StageTally> _ordered = [];
    private readonly Dictionary<(string Campaign, string Channel, string Reason), int> _unreachable = [];

    public SimulationSummary(IEnumerable<CampaignPlan> plans)
    {
        foreach (var plan in plans)
        {
            _entered[plan.Campaign.Name] = 0;
            foreach (var stage in plan.Stages)
            {
                Tally(plan.Campaign.Name, stage.Name);
            }

            Tally(plan.Campaign.Name, null);
        }
    }

    public int Contacts { get; private set; }

    public IReadOnlyList<StageTally> Stages => _ordered;

    /// <summary>The same counts per UTC day (docs/runtime.md, "campaignc simulate").</summary>
    public DailyTallies Daily { get; } = new();

    public int Entered(string campaign) => _entered.GetValueOrDefault(campaign);

    /// <summary>The unreachable sends per campaign, channel and reason, the most frequent first (docs/runtime.md, "Reachability").</summary>
    public IReadOnlyList<UnreachableCount> Unreachable =>
        [.. _unreachable.Select(u => new UnreachableCount(u.Key.Campaign, u.Key.Channel, u.Key.Reason, u.Value))
            .OrderBy(u => u.Campaign, StringComparer.Ordinal).ThenByDescending(u => u.Sends).ThenBy(u => u.Channel, StringComparer.Ordinal).ThenBy(u => u.Reason, StringComparer.Ordinal)];

    /// <summary>What the engagement forecast predicts per campaign (docs/runtime.md, "Engagement forecast"); null without <c>--forecast</c>.</summary>
    public Forecast.ForecastSummary? Forecast { get; init; }

    public void AddContact(IReadOnlyList<TimelineEntry> timeline)
    {
        Contacts++;
        Forecast?.AddContact(timeline);
        foreach (var campaign in timeline.Select(e => e.Campaign).Distinct(StringComparer.Ordinal))
        {
            _entered[campaign] = _entered.GetValueOrDefault(campaign) + 1;
        }

        foreach (var entry in timeline)
        {
            Tally(entry.Campaign, entry.Stage).Add(entry);
            Daily.Add(entry);
            if (entry.Status == TimelineStatus.Unreachable)
            {
                var key = (entry.Campaign, entry.Channel ?? "", entry.Reason ?? "");
                _unreachable[key] = _unreachable.GetValueOrDefault(key) + 1;
            }
        }
    }

    /// <summary>Counts contacts that were not read because they could not enter any campaign (their timelines are empty).</summary>
    public void AddUnread(long contacts) => Contacts += checked((int)contacts);

    private StageTally Tally(string campaign, string? stage)
    {
        if (!_tallies.TryGetValue((campaign, stage), out var tally))
        {
            _tallies[(campaign, stage)] = tally = new StageTally(campaign, stage);
            _ordered.Add(tally);
        }

        return tally;
    }
}

/// <summary>How many sends of <paramref name="Campaign"/> on <paramref name="Channel"/> could not reach their contact for <paramref name="Reason"/>.</summary>
public sealed record UnreachableCount(string Campaign, string Channel, string Reason, int Sends);
