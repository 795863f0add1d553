using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A re-engagement control group much smaller or larger than the seed's 10%.</summary>
public sealed class HoldoutNotTenPercent() : LintRule("holdout-not-ten-percent", "Control group is not about 10%", LintLevel.Warning,
    "Benchmark: a control group of 10% of the inactive list (seeds/000). Much smaller and the measurement is noise; much larger and " +
    "contacts who could have been won back get nothing. Options `min` and `max` (percentages, default 8% and 12%).",
    new LintOptionDescriptor("min", LintOptionKind.Percent), new LintOptionDescriptor("max", LintOptionKind.Percent),
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public override void Analyze(LintContext context)
    {
        if (!context.AppliesTo(StageGapBenchmark.DefaultTypes) || context.Campaign.Policy("holdout") is not { Value: PercentLiteral holdout })
        {
            return;
        }

        var (min, max) = (context.Percent("min", 8), context.Percent("max", 12));
        if (holdout.Value < min || holdout.Value > max)
        {
            context.Report(holdout,
                $"a control group of {Durations.Days(holdout.Value)}% is {(holdout.Value < min ? "too small to measure against" : "more than the measurement needs")}; the benchmark is 10% of the inactive list (seeds/000)");
        }
    }
}
