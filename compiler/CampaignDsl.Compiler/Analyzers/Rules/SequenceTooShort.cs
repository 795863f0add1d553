using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A re-engagement sequence that may be over in less than three weeks.</summary>
public sealed class SequenceTooShort() : LintRule("sequence-too-short", "Re-engagement sequence is too short", LintLevel.Warning,
    "Benchmark: re-engagement sequences work best over 4-6 weeks; campaigns shorter than 3 weeks re-engage 30% less (seeds/000). " +
    "Measured from the first message to the last, with every wait as short as its window allows. Option `min` (a duration, default 21d).",
    new LintOptionDescriptor("min", LintOptionKind.Duration), new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public static readonly TimeSpan DefaultMin = TimeSpan.FromDays(21);

    public override void Analyze(LintContext context)
    {
        var stages = context.Campaign.MessageStages;
        if (!context.AppliesTo(StageGapBenchmark.DefaultTypes) || stages.IsEmpty)
        {
            return;
        }

        var min = context.Duration("min", DefaultMin);
        var (shortest, _) = context.Campaign.Timeline.Between(stages[0], stages[^1]);
        if (shortest < min)
        {
            var where = stages.Length > 1 ? StageGapBenchmark.Where(stages[^1]) : context.Campaign.Declaration.Name;
            context.Report(where, stages.Length > 1
                ? $"the sequence from `{stages[0].Name}` to `{stages[^1].Name}` may be over in {Durations.Format(shortest)}; campaigns shorter than {Durations.Format(min)} re-engage 30% less (seeds/000): spread the messages over 4-6 weeks"
                : $"the sequence is a single message; campaigns shorter than {Durations.Format(min)} re-engage 30% less (seeds/000): spread 4-5 messages over 4-6 weeks");
        }
    }
}
