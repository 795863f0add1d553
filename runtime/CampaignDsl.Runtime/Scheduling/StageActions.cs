using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// The sends a stage makes for a contact (docs/plan.md): every send of the stage, then those of the first
/// variant whose segment the contact is in and whose own conditions hold, else those of <c>otherwise</c>;
/// variants nest, and each send is labelled with the innermost variant it came from.
/// </summary>
public static class StageActions
{
    public static void Resolve(PlanActions actions, EvaluationContext context, string? variant, List<(PlanSend Send, string? Variant)> into)
    {
        foreach (var send in actions.Sends)
        {
            into.Add((send, variant));
        }

        var evaluator = new ExpressionEvaluator(context);
        var chosen = actions.Variants.FirstOrDefault(v =>
            (v.Segment is null || evaluator.VisitSegment(new SegmentReference(v.Id, v.Segment)) is true)
            && v.Conditions.All(c => ExpressionEvaluator.Holds(c.Condition, context) == (c.Kind == PlanCondition.When)));
        chosen ??= actions.Otherwise;
        if (chosen is not null)
        {
            Resolve(chosen.Actions, context, chosen.Segment ?? "otherwise", into);
        }
    }

    /// <summary>Every send the actions can make, whichever variant a contact gets.</summary>
    public static IEnumerable<PlanSend> AllSends(PlanActions actions) =>
        actions.Sends.Concat(actions.Variants.SelectMany(v => AllSends(v.Actions))).Concat(actions.Otherwise is { } otherwise ? AllSends(otherwise.Actions) : []);
}
