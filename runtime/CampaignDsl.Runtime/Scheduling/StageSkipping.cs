using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// Why a stage does not run for a contact at its due moment (docs/runtime.md, "Conditions"): one of its own
/// <c>when</c>/<c>unless</c> conditions says so; or a message it would send carries an incentive that an earlier stage
/// of the campaign gives, and that earlier stage did not give it to this contact (it was skipped, or the contact was
/// in another variant), so the message would follow up an offer never made.
/// </summary>
public static class StageSkipping
{
    public static string? ByConditions(PlanStage stage, EvaluationContext context)
    {
        var failed = stage.Conditions.FirstOrDefault(c => ExpressionEvaluator.Holds(c.Condition, context) != (c.Kind == PlanCondition.When));
        return failed is null ? null : $"{failed.Kind} condition {failed.Id} " + (failed.Kind == PlanCondition.When ? "does not hold" : "holds");
    }

    /// <summary>
    /// A send refers to its incentive and to those it refines; a stage gives an incentive when one of its sends (in any
    /// variant) carries exactly that one; the contact was given it when a send carrying it went out to it (or, in the
    /// control group, would have).
    /// </summary>
    /// <param name="incentives">The campaign's incentives by name.</param>
    public static string? ByOffers(CampaignPlan plan, PlanStage stage, IEnumerable<PlanSend> sends, Enrollment enrollment, IReadOnlyDictionary<string, PlanIncentive> incentives)
    {
        var position = plan.Stages.IndexOf(stage);
        foreach (var send in sends)
        {
            if (send.Incentive is not { } name || !incentives.TryGetValue(name, out var incentive))
            {
                continue;
            }

            // It refers to itself and to what it refines (a reminder `reminder : back20` follows up back20).
            foreach (var offer in incentive.Chain.IsDefaultOrEmpty ? [name] : incentive.Chain)
            {
                if (enrollment.WasGiven(offer))
                {
                    continue;
                }

                if (plan.Stages.Take(position).FirstOrDefault(s => Gives(s, offer)) is { } giver)
                {
                    return $"incentive {name} follows up {offer}, which stage {giver.Name} did not give the contact";
                }
            }
        }

        return null;
    }

    private static bool Gives(PlanStage stage, string offer) =>
        AllSends(stage.Actions).Any(send => string.Equals(send.Incentive, offer, StringComparison.Ordinal));

    private static IEnumerable<PlanSend> AllSends(PlanActions actions) =>
        actions.Sends.Concat(actions.Variants.SelectMany(v => AllSends(v.Actions))).Concat(actions.Otherwise is { } otherwise ? AllSends(otherwise.Actions) : []);
}
