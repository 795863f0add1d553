using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A message of a re-engagement sequence may follow the previous one later than the seed's gap.</summary>
public sealed class StageGapTooLong() : LintRule("stage-gap-too-long", "Stage follows the previous one too late", LintLevel.Warning,
    "A re-engagement message that comes long after the previous one loses the thread the sequence was building. " + StageGapBenchmark.Source + ".",
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public override void Analyze(LintContext context)
    {
        if (!context.AppliesTo(StageGapBenchmark.DefaultTypes))
        {
            return;
        }

        foreach (var gap in StageGapBenchmark.Gaps(context).Where(g => g.Longest > g.Max))
        {
            context.Report(StageGapBenchmark.Where(gap.Stage),
                $"stage `{gap.Stage.Name}` may go out {Durations.Format(gap.Longest)} after `{gap.Previous.Name}`; the benchmark is {gap.Benchmark} (seeds/000): wait at most {Durations.Format(gap.Max)}");
        }
    }
}
