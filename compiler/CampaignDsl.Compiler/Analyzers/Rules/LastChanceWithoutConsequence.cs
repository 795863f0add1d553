using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>
/// A last-chance message that never says what happens when the contact does not act. A stage is a
/// last chance when its name says so (option <c>stages</c>), a subject line says "last chance", or it
/// is the last message of a campaign that suppresses or unsubscribes non-responders. Its subject
/// lines, preheader and body (template or inline) are searched for a stated consequence; a message
/// whose template this run does not read is left alone.
/// </summary>
public sealed class LastChanceWithoutConsequence() : LintRule("last-chance-without-consequence", "Last chance states no consequence", LintLevel.Warning,
    "Benchmark: the last-chance message states the consequence of not acting (\"we will stop emailing you on 30 June\"); explicit consequences " +
    "led to 43% more action than ambiguous messages, and a stated removal date +43% (seeds/000). Options `stages` (name patterns of last-chance stages) " +
    "and `phrases` (more wordings that state a consequence, matched without regard to case).",
    new LintOptionDescriptor("stages", LintOptionKind.List), new LintOptionDescriptor("phrases", LintOptionKind.List))
{
    public static readonly ImmutableArray<string> DefaultStages = ["last_chance*", "*_last_chance", "final*", "*goodbye*", "*breakup*", "sunset*"];

    /// <summary>Wordings that state what happens next, in English and Dutch (the seeds' language), lower case.</summary>
    public static readonly ImmutableArray<string> ConsequencePhrases =
    [
        "stop sending", "stop emailing", "stop mailing", "stop writing", "no longer", "won't hear", "will not hear", "won't email",
        "won't send", "will not send", "won't receive", "will not receive", "remove you", "removed from", "remove your", "removing you",
        "take you off", "taken off", "off our list", "unsubscribe you", "be unsubscribed", "last email", "last message", "final email",
        "final message", "last one from us", "delete your", "will be deleted", "deactivat", "close your account", "expires on", "suppress",
        "verwijder", "geen e-mails meer", "geen mails meer", "niets meer van ons", "laatste e-mail", "laatste mail", "uitgeschreven",
        "stoppen met", "uitschrijven van",
    ];

    public override void Analyze(LintContext context)
    {
        var stages = context.List("stages", DefaultStages);
        var phrases = ConsequencePhrases.Concat(context.List("phrases", []).Select(p => p.ToLowerInvariant())).ToList();
        var campaign = context.Campaign;
        var removesNonResponders = campaign.PolicyItems.OfType<FinalAction>().Any(a => a.Action.Name is "suppress" or "unsubscribe");
        foreach (var stage in campaign.MessageStages)
        {
            var isLastChance = NamePatterns.MatchesAny(stages, stage.Name.Name)
                || stage.AllSends.SelectMany(s => s.Subjects).Any(s => s.Text.Value.Contains("last chance", StringComparison.OrdinalIgnoreCase)
                    || s.Text.Value.Contains("laatste kans", StringComparison.OrdinalIgnoreCase))
                || (removesNonResponders && ReferenceEquals(stage, campaign.MessageStages[^1]));
            if (!isLastChance)
            {
                continue;
            }

            var messages = stage.AllSends.Select(send => MessageContent.Of(context.Scope, send)).ToList();
            if (messages.Any(m => !m.Complete) || messages.Any(m => phrases.Exists(m.ReadableText.Contains)))
            {
                continue;
            }

            context.Report(stage.Name,
                $"stage `{stage.Name}` is a last chance, but its subject, preheader and body never say what happens if the contact does not act; state it (\"we will stop emailing you on 30 June\"): explicit consequences led to 43% more action (seeds/000)");
        }
    }
}
