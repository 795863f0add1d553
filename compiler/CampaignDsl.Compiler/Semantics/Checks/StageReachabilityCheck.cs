using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// Stages no contact ever gets, and stages sent after the goal window has closed. Sound, not clever:
/// a stage is unreachable when a condition of its own is false for everyone (<c>when false</c>,
/// <c>unless true</c>), or when <c>exit when</c> holds for everyone, which ends the campaign at entry.
/// A stage whose earliest send, counted from entry, is after <c>goal ... within</c> cannot help the goal.
/// </summary>
internal sealed class StageReachabilityCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        var policyItems = scope.Campaign.Policies.SelectMany(p => p.Items).ToList();
        if (policyItems.OfType<ExitRule>().FirstOrDefault(e => ConstantCondition.Of(e.Condition) == true) is { } exit)
        {
            diagnostics.Add(DiagnosticCatalog.CampaignExitsAtEntry(scope.At(exit.Condition)));
            return;
        }

        foreach (var stage in scope.Campaign.Stages.Where(s => !s.Name.IsMissing))
        {
            var never = stage.Conditions.FirstOrDefault(c => ConstantCondition.Of(c.Condition) == (c.Kind == ConditionKind.Unless));
            if (never is not null)
            {
                diagnostics.Add(DiagnosticCatalog.StageNeverSends(scope.At(never.Condition), stage.Name.Name,
                    never.Kind == ConditionKind.When ? "its `when` condition is never true" : "its `unless` condition is always true"));
            }
        }

        if (policyItems.OfType<Goal>().FirstOrDefault() is not { Within.Amount: > 0 } goal)
        {
            return;
        }

        var schedule = StageSchedule.Of(scope.Campaign);
        foreach (var stage in scope.Campaign.Stages.Where(s => !s.Name.IsMissing && s.Timing is not null))
        {
            if (schedule.FromEntry(stage) is { } window && window.Earliest > goal.Within.Value)
            {
                diagnostics.Add(DiagnosticCatalog.StageAfterGoalWindow(scope.At(stage.Timing!), stage.Name.Name, Days(window.Earliest),
                    goal.Event.Name, goal.Within.ToString()));
            }
        }
    }

    private static string Days(TimeSpan span) =>
        span.TotalHours % 24 == 0 ? $"{span.TotalDays:0}d" : $"{span.TotalHours:0}h";
}
