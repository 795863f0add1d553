using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>
/// A win-back campaign that never asks the contact anything. A stage asks when it stores a click
/// on the profile (<c>on click ... set</c>), or when its name, subject lines or preheader use one of
/// the words of option <c>keywords</c> (survey, feedback, preference, ask, why, ...).
/// </summary>
public sealed class WinbackWithoutExitSurvey() : LintRule("winback-without-exit-survey", "Win-back asks nothing", LintLevel.Warning,
    "Benchmark: a win-back starts with a warm goodbye and an exit survey that tells why customers left (seeds/003); ask before you sell: " +
    "The Stone's win-back asked for a style first and averaged 48% opens (seeds/001). Add a stage that asks (a survey, or a choice stored " +
    "with `on click ... set`). Option `keywords` (words that mark a stage as asking).",
    new LintOptionDescriptor("keywords", LintOptionKind.List), new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    public static readonly ImmutableArray<string> DefaultKeywords =
    [
        "survey", "feedback", "exit", "preference", "ask", "why", "reason", "poll", "question", "style", "enquete", "vragenlijst", "waarom", "voorkeur",
    ];

    private static readonly ImmutableArray<string> DefaultTypes = ["winback"];

    public override void Analyze(LintContext context)
    {
        if (!context.AppliesTo(DefaultTypes) || context.Campaign.MessageStages.IsEmpty)
        {
            return;
        }

        var keywords = context.List("keywords", DefaultKeywords);
        var asks = context.Campaign.MessageStages.Any(stage => stage.ClickRules.Any()
            || Mentions(keywords, stage.Name.Name)
            || stage.AllSends.SelectMany(s => s.Subjects.Select(l => l.Text.Value).Concat(s.Preheader is { } p ? [p.Text.Value] : []))
                .Any(text => Mentions(keywords, text)));
        if (!asks)
        {
            context.Report(context.Campaign.Declaration.Name,
                $"win-back `{context.Campaign.Declaration.Name}` never asks the contact anything; add an exit survey or a preference question (seeds/003), as The Stone asked for a style first (seeds/001)");
        }
    }

    private static bool Mentions(IEnumerable<string> keywords, string text) =>
        keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
}
