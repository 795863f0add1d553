using System.Globalization;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>An email subject line longer than a phone's inbox shows.</summary>
public sealed class SubjectLineTooLong() : LintRule("subject-line-too-long", "Subject line too long for mobile", LintLevel.Warning,
    "Benchmark: 70% of re-engagement emails are opened on mobile (seeds/000), where an inbox shows only the start of a subject line. " +
    "The length counts the visible characters, with each `{{variable}}` as 8 (a typical first name). Option `max` (a number of characters, default 50).",
    new LintOptionDescriptor("max", LintOptionKind.Number))
{
    /// <summary>What a substituted value is counted as: a typical first name.</summary>
    public const int VariableLength = 8;

    public override void Analyze(LintContext context)
    {
        var max = context.Number("max", 50);
        foreach (var send in context.Scope.Campaign.Stages.SelectMany(s => s.AllSends).Where(s => s.Channel.Name == "email"))
        {
            foreach (var subject in send.Subjects)
            {
                var length = Length(subject.Text.Value);
                if (length > max)
                {
                    context.Report(subject.Text,
                        $"this subject line is about {length} characters; phones show about {Durations.Days(max)}, and 70% of re-engagement email is opened on mobile (seeds/000): put the hook first and shorten it");
                }
            }
        }
    }

    private static int Length(string subject)
    {
        var analysis = TemplateAnalyzer.Analyze("subject", subject);
        return Count(analysis.Nodes);
    }

    private static int Count(IEnumerable<TemplateNode> nodes) => nodes.Sum(node => node switch
    {
        TextNode text => new StringInfo(text.Text).LengthInTextElements,
        OutputNode => VariableLength,
        BlockNode block => block.Branches.Select(b => Count(b.Children)).DefaultIfEmpty(0).Max(),
        _ => 0,
    });
}
