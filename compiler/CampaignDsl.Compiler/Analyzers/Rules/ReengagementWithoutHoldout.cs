using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A re-engagement campaign without a control group cannot be measured honestly.</summary>
public sealed class ReengagementWithoutHoldout() : LintRule("reengagement-without-holdout", "Re-engagement has no control group", LintLevel.Warning,
    "Benchmark: keep a control group of 10% of the inactive list for honest measurement (seeds/000); without one, contacts who would " +
    "have come back anyway are counted as re-engaged. Add `holdout 10%` to the campaign's policy.",
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public override void Analyze(LintContext context)
    {
        if (context.AppliesTo(StageGapBenchmark.DefaultTypes) && context.Campaign.Policy("holdout") is null)
        {
            context.Report(context.Campaign.Declaration.Name,
                $"campaign `{context.Campaign.Declaration.Name}` has no control group; keep 10% of the inactive list apart to measure it honestly (seeds/000): add `policy {{ holdout 10% }}`");
        }
    }
}
