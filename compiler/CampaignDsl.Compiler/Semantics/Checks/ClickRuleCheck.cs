using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// <c>on click "style:*" set style = click.tag</c>: the target is a contact attribute a click may set (built in,
/// or the project's own from campaignc.yaml; not an identity attribute), the value fits its type, and the
/// stage sends an email or push message, whose links can be clicked.
/// </summary>
internal sealed class ClickRuleCheck : ICampaignCheck
{
    /// <summary>Attributes that identify a contact or record its history; a click must not overwrite them.</summary>
    public static readonly string[] Protected = ["id", "email", "phone", "created_at"];

    private static readonly string[] ClickableChannels = ["email", "push"];

    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var stage in scope.Campaign.Stages)
        {
            var clickable = stage.AllSends.Any(s => ClickableChannels.Contains(s.Channel.Name));
            foreach (var rule in RulesIn(stage.Items))
            {
                var target = CheckTarget(scope, diagnostics, rule.Target);
                var value = new ExpressionTypeChecker(scope, diagnostics, ExpressionSite.ClickValue).Check(rule.Value);
                if (target is not null && !value.IsError && value != target)
                {
                    diagnostics.Add(DiagnosticCatalog.ClickValueType(scope.At(rule.Value), rule.Target.Name, target.Describe(), value.Describe()));
                }

                if (!clickable && stage.AllSends.Any())
                {
                    diagnostics.Add(DiagnosticCatalog.ClickRuleWithoutLinks(scope.At(rule.Span.Start, "on"), stage.Name.Name));
                }
            }
        }
    }

    private static DataType? CheckTarget(CampaignScope scope, DiagnosticBag diagnostics, NameReference target)
    {
        if (target.IsMissing)
        {
            return null;
        }

        var name = target.Name;
        if (Protected.Contains(name))
        {
            diagnostics.Add(DiagnosticCatalog.ClickTargetProtected(scope.At(target), name));
            return null;
        }

        if (target.Parts.Length == 1 && scope.Schema.Find(name) is { } type)
        {
            return type;
        }

        diagnostics.Add(DiagnosticCatalog.ClickTargetNotFound(scope.At(target), name, NameSuggester.Suggest(name, scope.Schema.Names.Except(Protected))));
        return null;
    }

    private static IEnumerable<ClickRule> RulesIn(IEnumerable<StageItem> items) => items.SelectMany(item => item switch
    {
        ClickRule rule => [rule],
        SegmentVariant variant => RulesIn(variant.Items),
        _ => [],
    });
}
