using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// The holdout is measured, never acted on: a control-group contact who finishes or leaves gets no final action, no
/// hand-off and so no campaign its exit would start; instead, in a campaign with a hand-off or a final action, a
/// <c>holdout</c> row without a stage says what it did and what it was spared (docs/runtime.md, "Holdout"). The
/// language has no way to act on the control group.
/// </summary>
public static class ControlGroup
{
    /// <summary>Whether the campaign acts on contacts when they finish or leave, so the control group's outcome is worth a row.</summary>
    public static bool Spares(PlanPolicies policies) => policies.Handoff is not null || policies.FinalAction is not null;

    /// <summary>The reason of the row: whether the contact responded (its own purchase, open or click, the goal, an exit) and what was not done.</summary>
    public static string Outcome(PlanPolicies policies, bool responded) => responded
        ? TimelineReasons.ControlResponded + (policies.Handoff is { } handoff ? $"; not handed off to {handoff.Campaign}" : "")
        : TimelineReasons.ControlNoResponse + (policies.FinalAction is { } final ? $"; final action not applied: {Describe(final)}" : "");

    public static string Describe(PlanFinalAction final) => $"{final.Action}{(final.Argument is null ? "" : " " + final.Argument)}";
}
