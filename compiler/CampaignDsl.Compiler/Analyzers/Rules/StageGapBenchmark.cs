using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>
/// The seed's gaps between the messages of a re-engagement sequence (seeds/000): 5-7 days between
/// the first and the second, 10-14 days before the last (in a sequence of three or more), 7-10
/// days between the others.
/// </summary>
internal static class StageGapBenchmark
{
    public static readonly ImmutableArray<string> DefaultTypes = ["reengagement"];

    public const string Source = "benchmark: 5-7 days between messages 1 and 2, 7-10 days between the middle ones, 10-14 days before the last (seeds/000)";

    /// <summary>Each message after the first, the one before it, the time between them, and the benchmark gap with its name.</summary>
    public static IEnumerable<Gap> Gaps(LintContext context)
    {
        var stages = context.Campaign.MessageStages;
        for (var i = 1; i < stages.Length; i++)
        {
            var (shortest, longest) = context.Campaign.Timeline.Between(stages[i - 1], stages[i]);
            var (min, max, what) = i == 1 ? (5, 7, "between the first and the second message")
                : i == stages.Length - 1 ? (10, 14, "before the last message")
                : (7, 10, "between the middle messages");
            yield return new Gap(stages[i - 1], stages[i], shortest, longest, TimeSpan.FromDays(min), TimeSpan.FromDays(max), what);
        }
    }

    public static SyntaxNode Where(StageDecl stage) => stage.Timing is { } timing ? timing : stage.Name;

    internal sealed record Gap(StageDecl Previous, StageDecl Stage, TimeSpan Shortest, TimeSpan Longest, TimeSpan Min, TimeSpan Max, string What)
    {
        public string Benchmark => $"{(int)Min.TotalDays}-{(int)Max.TotalDays} days {What}";
    }
}
