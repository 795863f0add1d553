using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>
/// A message that links to more than one place. Links that every marketing message carries
/// (unsubscribe, preferences, view in browser, mailto) are not calls to action, and a link repeated
/// (an image and a button to the same page) counts once. Stages that ask the contact to choose
/// (a stage with an <c>on click</c> rule, or named like option <c>choice_stages</c>) are left alone:
/// their links are the answers.
/// </summary>
public sealed class MultipleCallsToAction() : LintRule("multiple-calls-to-action", "More than one call to action", LintLevel.Warning,
    "Benchmark: a single, clear call to action performed 35% better than versions with several (Dinnerly, seeds/000). Counts the distinct " +
    "link targets of the message, leaving out unsubscribe, preference and view-in-browser links. Options `max` (a number, default 1) and " +
    "`choice_stages` (name patterns of stages whose links are choices, such as a preference update).",
    new LintOptionDescriptor("max", LintOptionKind.Number), new LintOptionDescriptor("choice_stages", LintOptionKind.List))
{
    public static readonly ImmutableArray<string> DefaultChoiceStages = ["*preference*", "*survey*", "*feedback*", "ask_*"];

    private static readonly ImmutableArray<string> UtilityLinks = ["unsubscribe", "preferences_url", "view_in_browser_url", "mailto:", "tel:"];

    public override void Analyze(LintContext context)
    {
        var max = context.Number("max", 1);
        var choiceStages = context.List("choice_stages", DefaultChoiceStages);
        foreach (var stage in context.Campaign.MessageStages.Where(s => !s.ClickRules.Any() && !NamePatterns.MatchesAny(choiceStages, s.Name.Name)))
        {
            foreach (var send in stage.AllSends)
            {
                var content = MessageContent.Of(context.Scope, send);
                var actions = content.LinkTargets().Where(IsCallToAction).ToList();
                Ast.SyntaxNode? where = send.Template is { } path ? path : send.Body?.Text;
                if (actions.Count > max && where is not null)
                {
                    var what = send.Template is { } template ? $"template `{template.Value}`" : "this body";
                    context.Report(where,
                        $"{what} has {actions.Count} calls to action ({string.Join(", ", actions.Take(3).Select(a => $"`{a}`"))}{(actions.Count > 3 ? ", ..." : "")}); a single clear call to action performed 35% better than several (seeds/000)");
                }
            }
        }
    }

    private static bool IsCallToAction(string target) =>
        target.Length > 0 && !target.StartsWith('#')
        && !UtilityLinks.Any(u => target.Contains(u, StringComparison.OrdinalIgnoreCase))
        && !UnsubscribeLinkFinder.ProviderTags.Any(tag => target.Contains(tag, StringComparison.Ordinal));
}
