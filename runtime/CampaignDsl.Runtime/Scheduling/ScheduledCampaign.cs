using System.Collections.Frozen;
using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>A plan with what the scheduler looks up again and again prepared once: segments, stages by name, its send window, its default zone.</summary>
public sealed class ScheduledCampaign
{
    public ScheduledCampaign(CampaignPlan plan, RfmPopulation? rfm = null)
    {
        Plan = plan;
        Rfm = rfm ?? RfmPopulation.Empty;
        Segments = EvaluationContext.SegmentsOf(plan);
        Stages = plan.Stages.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        Incentives = plan.Incentives.GroupBy(i => i.Name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Window = new SendWindow(plan.Policies.SendWindow, plan.Policies.QuietHours);
        DefaultZone = LocalClock.FindZone(plan.Campaign.TimeZone) ?? TimeZoneInfo.Utc;
    }

    public CampaignPlan Plan { get; }

    public string Name => Plan.Campaign.Name;

    public FrozenDictionary<string, PlanSegment> Segments { get; }

    public FrozenDictionary<string, PlanStage> Stages { get; }

    public FrozenDictionary<string, PlanIncentive> Incentives { get; }

    public SendWindow Window { get; }

    /// <summary>Every contact who had bought by the start of the run, which <c>rfm.*</c> ranks a contact within.</summary>
    public RfmPopulation Rfm { get; }

    public TimeZoneInfo DefaultZone { get; }

    public bool Optimises => Plan.Policies.SendTimeOptimization?.Enabled == true;

    /// <summary>The contact's own zone when it has a known one, else the campaign's, else UTC.</summary>
    public TimeZoneInfo ZoneOf(Data.Contact contact) => LocalClock.FindZone(contact.TimeZone) ?? DefaultZone;

    /// <summary>Whether the contact is in the control group: a stable hash of campaign and contact, below the holdout share.</summary>
    public bool IsControl(string contactId) =>
        Plan.Policies.Holdout is { } holdout && StableHash.Percentile(Name, contactId, "holdout") < holdout.Percent;
}
