using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// What a message says: its template file exists and is UTF-8 Handlebars; every name in it, in its
/// subject lines, preheader and inline body is a known variable; incentive fields appear only where
/// the send carries an incentive (or behind <c>{{#if incentive}}</c>); a marketing email has an
/// unsubscribe link; an SMS fits one segment with every variable at its longest. Template files are
/// read only when the compilation has a template source; quoted texts are always checked.
/// </summary>
internal sealed class TemplateCheck : ICampaignCheck
{
    /// <summary>Campaign types whose email is transactional and needs no unsubscribe link. No current type is.</summary>
    public static readonly ImmutableArray<string> TransactionalTypes = ["transactional"];

    private readonly Func<CampaignScope, SendAction, bool> _carriesIncentive;

    /// <param name="carriesIncentive">Whether a send carries an incentive; by default, whether it names one with <c>incentive NAME</c>.</param>
    public TemplateCheck(Func<CampaignScope, SendAction, bool>? carriesIncentive = null) =>
        _carriesIncentive = carriesIncentive ?? ((_, send) => send.Incentives.Any());

    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        var campaignType = CampaignType(scope);
        var clickStored = MessageVariables.ClickStoredValues(scope.Campaign);
        foreach (var stage in scope.Campaign.Stages)
        {
            foreach (var send in stage.AllSends)
            {
                if (!send.Channel.IsMissing && MessageCheck.Channels.Contains(send.Channel.Name))
                {
                    var carriesIncentive = _carriesIncentive(scope, send);
                    var variables = MessageVariables.For(scope, stage, send, carriesIncentive, clickStored);
                    CheckSend(new Message(scope, stage, send, variables, carriesIncentive, diagnostics), campaignType);
                }
            }
        }
    }

    private static void CheckSend(Message message, string? campaignType)
    {
        var (scope, send) = (message.Scope, message.Send);
        foreach (var line in send.Subjects.Select(s => s.Text).Concat(send.Preheader is { } preheader ? [preheader.Text] : []))
        {
            CheckNames(message, MessageText.FromLiteral(scope.Tree.Source, line));
        }

        if (send.Template is { Value.Length: > 0 } path && scope.Templates is { } library && Load(message, library, path) is { } template)
        {
            CheckBody(message, template, path, $"template `{template.Analysis.Path}`", campaignType);
        }

        if (send.Body is { } body)
        {
            CheckBody(message, MessageText.FromLiteral(scope.Tree.Source, body.Text), body.Text, "this body", campaignType);
        }
    }

    private static MessageText? Load(Message message, TemplateLibrary library, StringLiteral path)
    {
        var scope = message.Scope;
        switch (library.Load(scope.Tree.Source.Path, path.Value))
        {
            case LoadedTemplate.Analysed analysed:
                return MessageText.FromTemplate(analysed.Analysis);
            case LoadedTemplate.NotFound missing:
                var suggestion = NameSuggester.Suggest(FileName(path.Value), missing.Neighbours);
                message.Diagnostics.Add(DiagnosticCatalog.TemplateFileMissing(scope.At(path), path.Value, missing.Path,
                    suggestion is null ? null : path.Value[..(path.Value.Length - FileName(path.Value).Length)] + suggestion));
                return null;
            case LoadedTemplate.Unreadable unreadable:
                message.Diagnostics.Add(DiagnosticCatalog.TemplateNotReadable(scope.At(path), unreadable.Path, unreadable.Reason));
                return null;
            case LoadedTemplate.Outside outside:
                message.Diagnostics.Add(DiagnosticCatalog.PathOutsideProject(scope.At(path), "template", outside.Reason));
                return null;
            case LoadedTemplate.NotText notText:
                var at = notText.Problem.Offset is { } offset ? new SourceLocation(notText.Text, new Text.TextSpan(offset, 1)) : scope.At(path);
                message.Diagnostics.Add(DiagnosticCatalog.TemplateNotText(at, notText.Path, notText.Problem));
                return null;
            default:
                return null;
        }
    }

    private static void CheckBody(Message message, MessageText body, SyntaxNode named, string what, string? campaignType)
    {
        CheckNames(message, body);

        // A template with syntax errors has an uncertain structure (a link may sit in a block left
        // open); its errors are reported, and what depends on the structure waits until they are fixed.
        if (body.Analysis.HasErrors)
        {
            return;
        }

        var channel = message.Send.Channel.Name;
        var transactional = campaignType is not null && TransactionalTypes.Contains(campaignType);
        if (channel == "email" && !transactional && UnsubscribeLinkFinder.Find(body.Analysis) is null)
        {
            message.Diagnostics.Add(DiagnosticCatalog.EmailWithoutUnsubscribeLink(message.Scope.At(named), what, campaignType));
        }

        if (channel == "sms")
        {
            CheckSmsLength(message, body, named);
        }
    }

    /// <summary>Syntax errors, unknown names, and incentive fields in a message without an incentive.</summary>
    private static void CheckNames(Message message, MessageText text)
    {
        foreach (var error in text.Analysis.Errors)
        {
            message.Diagnostics.Add(DiagnosticCatalog.TemplateSyntax(text.At(error.Span), error.Message));
        }

        foreach (var reference in text.Analysis.RootReferences)
        {
            if (message.Variables.Find(reference.Name) is not { } variable)
            {
                message.Diagnostics.Add(DiagnosticCatalog.TemplateVariableNotFound(text.At(reference.Span), reference.Name,
                    NameSuggester.Suggest(reference.Name, message.Variables.Names)));
            }
            else if (variable.Kind == TemplateVariableKind.Incentive && !message.CarriesIncentive
                && reference.Role is not (ReferenceRole.Condition or ReferenceRole.BlockContext)
                && !reference.IsGuardedBy(TemplateVariableCatalog.IncentiveObject))
            {
                message.Diagnostics.Add(DiagnosticCatalog.IncentiveFieldNeedsIncentive(text.At(reference.Span), reference.Name, message.Stage.Name.Name));
            }
        }
    }

    private static void CheckSmsLength(Message message, MessageText body, SyntaxNode named)
    {
        var estimate = SmsWorstCase.Estimate(body.Analysis, message.Variables);
        foreach (var value in estimate.Unbounded)
        {
            message.Diagnostics.Add(DiagnosticCatalog.SmsValueUnbounded(body.At(value.Span), value));
        }

        if (!estimate.Size.FitsOneSegment)
        {
            var outsideGsm = estimate.Text.EnumerateRunes().Select(r => r.ToString()).FirstOrDefault(r => !Gsm7Alphabet.CanEncode(r));
            message.Diagnostics.Add(DiagnosticCatalog.SmsOverOneSegment(message.Scope.At(named), estimate.Size, outsideGsm));
        }
    }

    /// <summary>The campaign's type as written, or null without one (which counts as marketing: only a transactional type is exempt).</summary>
    private static string? CampaignType(CampaignScope scope) =>
        scope.Campaign.Settings.Where(s => s.Key.Name == "type").Select(s => s.Value)
            .OfType<NameReference>().Select(n => n.Name).FirstOrDefault();

    private static string FileName(string path) => path[(path.Replace('\\', '/').LastIndexOf('/') + 1)..];

    /// <summary>One send being checked, with what it may use.</summary>
    private sealed record Message(CampaignScope Scope, StageDecl Stage, SendAction Send, TemplateVariableCatalog Variables, bool CarriesIncentive, DiagnosticBag Diagnostics);
}
