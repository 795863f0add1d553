using System.Collections.Frozen;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// What a plan expression is evaluated against: one contact's history seen at <see cref="Now"/> (later events
/// do not exist yet), the plan's segments, the population's RFM quintiles, the contact's pass through the
/// campaign (for <c>opened</c>, <c>clicked</c>, <c>purchased_since</c>) and the event at hand (an entry event).
/// </summary>
public sealed record EvaluationContext(
    ContactHistory History,
    DateTimeOffset Now,
    TimeZoneInfo Zone,
    FrozenDictionary<string, PlanSegment> Segments,
    RfmPopulation Rfm,
    Enrollment? Enrollment = null,
    ContactEvent? CurrentEvent = null)
{
    public static FrozenDictionary<string, PlanSegment> SegmentsOf(CampaignPlan plan) =>
        plan.Segments.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
}
