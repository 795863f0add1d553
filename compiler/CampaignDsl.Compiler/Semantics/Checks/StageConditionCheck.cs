using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// A stage's <c>when</c> and <c>unless</c> conditions are yes/no, and may ask what the contact did with
/// earlier stages (<c>opened</c>, <c>clicked</c>, <c>purchased_since</c>, <c>engaged</c>).
/// </summary>
internal sealed class StageConditionCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var stage in scope.Campaign.Stages)
        {
            var context = ExpressionSite.StageCondition(stage);
            foreach (var condition in ConditionsIn(stage.Items))
            {
                var what = condition.Kind == ConditionKind.When ? "a `when` condition" : "an `unless` condition";
                ConditionCheck.CheckCondition(scope, diagnostics, condition.Condition, what, context);
            }
        }
    }

    /// <summary>The stage's conditions, and any written inside a variant (reported as misplaced, but still checked).</summary>
    private static IEnumerable<StageCondition> ConditionsIn(IEnumerable<StageItem> items) => items.SelectMany(item => item switch
    {
        StageCondition condition => [condition],
        SegmentVariant variant => ConditionsIn(variant.Items),
        _ => [],
    });
}
