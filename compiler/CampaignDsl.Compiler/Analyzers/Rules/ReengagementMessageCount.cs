using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A re-engagement campaign with fewer or more messages than the seed's 4-5.</summary>
public sealed class ReengagementMessageCount() : LintRule("reengagement-message-count", "Re-engagement has too few or too many messages", LintLevel.Warning,
    "Benchmark: design a sequence of 4-5 messages with rising urgency: recognition, value reminder, incentive, preference update, last chance (seeds/000). " +
    "A stage that sends counts as one message, however many channels it uses. Options `min` and `max` (numbers, default 4 and 5).",
    new LintOptionDescriptor("min", LintOptionKind.Number), new LintOptionDescriptor("max", LintOptionKind.Number),
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public override void Analyze(LintContext context)
    {
        if (!context.AppliesTo(StageGapBenchmark.DefaultTypes))
        {
            return;
        }

        var (min, max) = (context.Number("min", 4), context.Number("max", 5));
        var count = context.Campaign.MessageStages.Length;
        if (count < min || count > max)
        {
            var range = min == max ? Durations.Days(min) : $"{Durations.Days(min)}-{Durations.Days(max)}";
            context.Report(context.Campaign.Declaration.Name,
                $"campaign `{context.Campaign.Declaration.Name}` sends {count} message{(count == 1 ? "" : "s")}; the benchmark is a sequence of {range} messages with rising urgency (seeds/000)");
        }
    }
}
