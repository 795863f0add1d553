using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// Template values that would print empty when the message goes out: a message shows the incentive its own send
/// carries, so <c>{{incentive.code}}</c> needs that incentive to have a <c>code</c> pattern and
/// <c>{{incentive.expires_at}}</c> an <c>expires</c> (a <c>coupon_reminder</c> alone has neither). A use inside
/// <c>{{#if incentive.code}}</c> is fine. The runtime refuses such a message (<c>EmptyValueProbe</c>); this says so
/// before anything runs. A send without any incentive is TemplateCheck's (CDSL0064).
/// </summary>
internal sealed class TemplateValueCheck : ICampaignCheck
{
    /// <summary>The values an incentive may not have, and what it needs for them.</summary>
    private static readonly (string Variable, string Needs)[] HeldValues = [("incentive.code", "code"), ("incentive.expires_at", "expires")];

    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var stage in scope.Campaign.Stages)
        {
            foreach (var send in stage.AllSends)
            {
                if (send.Incentives.FirstOrDefault(u => !u.Incentive.IsMissing) is not { } use
                    || IncentiveResolver.Resolve(scope, use.Incentive.Name) is not { } incentive)
                {
                    continue;
                }

                foreach (var text in Texts(scope, send))
                {
                    CheckText(diagnostics, stage, incentive, text);
                }
            }
        }
    }

    private static void CheckText(DiagnosticBag diagnostics, StageDecl stage, ResolvedIncentive incentive, MessageText text)
    {
        foreach (var (variable, needs) in HeldValues)
        {
            var has = needs == "expires" ? incentive.Expiry is not null : incentive.Properties.ContainsKey(needs);
            if (has)
            {
                continue;
            }

            foreach (var reference in text.Analysis.RootReferences.Where(r => r.Name == variable
                && r.Role is not (ReferenceRole.Condition or ReferenceRole.BlockContext) && !r.Guards.Contains(variable)))
            {
                diagnostics.Add(DiagnosticCatalog.TemplateValueEmpty(text.At(reference.Span), variable, stage.Name.Name, incentive.Name, needs));
            }
        }
    }

    /// <summary>The subject lines, preheader, inline body and template file of a send, as far as they can be read (TemplateCheck reports what cannot).</summary>
    private static IEnumerable<MessageText> Texts(CampaignScope scope, SendAction send)
    {
        foreach (var line in send.Subjects.Select(s => s.Text).Concat(send.Preheader is { } preheader ? [preheader.Text] : []))
        {
            yield return MessageText.FromLiteral(scope.Tree.Source, line);
        }

        if (send.Body is { } body)
        {
            yield return MessageText.FromLiteral(scope.Tree.Source, body.Text);
        }

        if (send.Template is { Value.Length: > 0 } path && scope.Templates is { } library
            && library.Load(scope.Tree.Source.Path, path.Value) is LoadedTemplate.Analysed analysed)
        {
            yield return MessageText.FromTemplate(analysed.Analysis);
        }
    }
}
