using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A re-engagement or win-back campaign that hands nobody on to a nurture campaign.</summary>
public sealed class ReengagementWithoutNurture() : LintRule("reengagement-without-nurture", "No nurture hand-off after re-engagement", LintLevel.Warning,
    "Benchmark: without nurturing, 60-70% of re-engaged subscribers lapse again; with it 25-30% (seeds/000). Nurture for 60 days, " +
    "sending 25-40% more often in the first 30. Hand returning contacts on with `then enroll <nurture campaign>` in the policy.",
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    private static readonly ImmutableArray<string> DefaultTypes = ["reengagement", "winback"];

    public override void Analyze(LintContext context)
    {
        if (context.AppliesTo(DefaultTypes) && !context.Campaign.PolicyItems.OfType<Handoff>().Any())
        {
            context.Report(context.Campaign.Declaration.Name,
                $"campaign `{context.Campaign.Declaration.Name}` hands nobody on to nurturing; without it 60-70% of re-engaged contacts lapse again, with it 25-30% (seeds/000): add `then enroll <nurture campaign>` to the policy");
        }
    }
}
