using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A re-engagement campaign that says nothing about contacts who never respond.</summary>
public sealed class ReengagementWithoutFinalAction() : LintRule("reengagement-without-final-action", "Re-engagement keeps non-responders", LintLevel.Warning,
    "Benchmark: contacts who never respond to the last message are suppressed or removed, for list hygiene (seeds/000); lists decay " +
    "22-30% a year and inactive contacts hurt deliverability. Say what happens with `finally suppress \"list\"`, `finally unsubscribe` or `finally tag \"x\"`.",
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public override void Analyze(LintContext context)
    {
        if (context.AppliesTo(StageGapBenchmark.DefaultTypes) && !context.Campaign.PolicyItems.OfType<FinalAction>().Any())
        {
            context.Report(context.Campaign.Declaration.Name,
                $"campaign `{context.Campaign.Declaration.Name}` says nothing about contacts who never respond; suppress or remove them for list hygiene (seeds/000): add `finally suppress \"inactive\"` to the policy");
        }
    }
}
