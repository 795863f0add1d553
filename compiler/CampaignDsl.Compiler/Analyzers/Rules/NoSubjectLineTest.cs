using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>A longer re-engagement or win-back email sequence that never A/B tests a subject line.</summary>
public sealed class NoSubjectLineTest() : LintRule("no-subject-line-test", "Sequence tests no subject line", LintLevel.Warning,
    "Benchmark: A/B test subject lines, offers and calls to action (seeds/000); subject-line styles differ by 15-40% in opens " +
    "(questions +15-25%, curiosity +22-35%, urgency +25-40% for last-chance emails). A sequence of `min_stages` or more email stages " +
    "(a number, default 4) should test at least one subject with weighted variants (`subject \"...\" weight 50`).",
    new LintOptionDescriptor("min_stages", LintOptionKind.Number), new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    private static readonly ImmutableArray<string> DefaultTypes = ["reengagement", "winback"];

    public override void Analyze(LintContext context)
    {
        if (!context.AppliesTo(DefaultTypes))
        {
            return;
        }

        var emails = context.Campaign.MessageStages.Where(s => s.AllSends.Any(send => send.Channel.Name == "email")).ToList();
        var tested = emails.SelectMany(s => s.AllSends).Any(send => send.Subjects.Count() > 1);
        if (emails.Count >= context.Number("min_stages", 4) && !tested)
        {
            context.Report(context.Campaign.Declaration.Name,
                $"campaign `{context.Campaign.Declaration.Name}` sends {emails.Count} email stages without testing a subject line; give one send two weighted subjects (`subject \"...\" weight 50`): subject-line styles differ by 15-40% in opens (seeds/000)");
        }
    }
}
