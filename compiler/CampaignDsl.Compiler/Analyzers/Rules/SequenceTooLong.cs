using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A re-engagement sequence that may run longer than eight weeks.</summary>
public sealed class SequenceTooLong() : LintRule("sequence-too-long", "Re-engagement sequence is too long", LintLevel.Warning,
    "Benchmark: re-engagement sequences work best over 4-6 weeks; beyond 8 weeks returns diminish (seeds/000). " +
    "Measured from the first message to the last, with every wait as long as its window allows. Option `max` (a duration, default 56d).",
    new LintOptionDescriptor("max", LintOptionKind.Duration), new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public static readonly TimeSpan DefaultMax = TimeSpan.FromDays(56);

    public override void Analyze(LintContext context)
    {
        var stages = context.Campaign.MessageStages;
        if (!context.AppliesTo(StageGapBenchmark.DefaultTypes) || stages.Length < 2)
        {
            return;
        }

        var max = context.Duration("max", DefaultMax);
        var (_, longest) = context.Campaign.Timeline.Between(stages[0], stages[^1]);
        if (longest > max)
        {
            context.Report(StageGapBenchmark.Where(stages[^1]),
                $"the sequence from `{stages[0].Name}` to `{stages[^1].Name}` may take {Durations.Format(longest)}; beyond {Durations.Format(max)} returns diminish (seeds/000): keep it within 4-6 weeks");
        }
    }
}
