using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>
/// One compiled campaign: everything the runtime needs to enrol contacts and send, and nothing of the
/// source but a map from node ids back to it. The format is described in docs/plan.md.
/// </summary>
/// <param name="PlanVersion">The format's version, <c>major.minor</c> (<see cref="PlanFormat.Version"/>).</param>
/// <param name="Compiler">The version of the compiler that wrote the plan.</param>
/// <param name="Source">The campaign file, relative to the plan's base folder (the folder that holds it).</param>
public sealed record CampaignPlan(
    string PlanVersion,
    string Compiler,
    string Source,
    PlanCampaign Campaign,
    PlanAudience Audience,
    ImmutableArray<PlanSegment> Segments,
    ImmutableArray<PlanIncentive> Incentives,
    PlanPolicies Policies,
    ImmutableArray<PlanStage> Stages,
    SourceMap SourceMap);
