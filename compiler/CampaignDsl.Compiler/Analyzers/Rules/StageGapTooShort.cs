using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A message of a re-engagement sequence may follow the previous one sooner than the seed's gap.</summary>
public sealed class StageGapTooShort() : LintRule("stage-gap-too-short", "Stage follows the previous one too soon", LintLevel.Warning,
    "A re-engagement message that follows the previous one too soon crowds a contact who has just shown little interest. " + StageGapBenchmark.Source + ".",
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public override void Analyze(LintContext context)
    {
        if (!context.AppliesTo(StageGapBenchmark.DefaultTypes))
        {
            return;
        }

        foreach (var gap in StageGapBenchmark.Gaps(context).Where(g => g.Shortest < g.Min))
        {
            context.Report(StageGapBenchmark.Where(gap.Stage),
                $"stage `{gap.Stage.Name}` may go out {Durations.Format(gap.Shortest)} after `{gap.Previous.Name}`; the benchmark is {gap.Benchmark} (seeds/000): wait at least {Durations.Format(gap.Min)}");
        }
    }
}
