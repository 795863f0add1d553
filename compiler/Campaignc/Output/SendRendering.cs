using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Templates;

namespace Campaignc.Output;

/// <summary>
/// Renders a stage's sends as they would go out, for <c>campaignc preview</c> and the samples of the simulation
/// report: finds each send of a stage and reads its template file beside the campaign (or in the project's template folders).
/// </summary>
public static class SendRendering
{
    /// <summary>Every send of a stage, those of its variants labelled <c>for SEGMENT</c> or <c>otherwise</c>.</summary>
    public static IEnumerable<(string? Label, PlanSend Send)> Sends(PlanActions actions, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var send in actions.Sends)
        {
            yield return (label, send);
        }

        foreach (var variant in actions.Variants.Concat(actions.Otherwise is null ? [] : [actions.Otherwise]))
        {
            var inner = variant.Segment is null ? "otherwise" : $"for {variant.Segment}";
            foreach (var item in Sends(variant.Actions, label is null ? inner : $"{label} / {inner}"))
            {
                yield return item;
            }
        }
    }

    /// <summary>The text of <paramref name="send"/>'s template file; null without one, or with <paramref name="problem"/> when it cannot be read.</summary>
    public static string? TemplateText(ITemplateSource templates, string campaignPath, PlanSend send, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(send);
        problem = null;
        if (send.Template is not { } template)
        {
            return null;
        }

        switch (templates.Find(campaignPath, template.Path))
        {
            case TemplateLookup.Found file:
                return TemplateDecoder.Decode(file.Path, file.Content).Text.Text;
            case TemplateLookup.Outside outside:
                problem = $"template of {send.Id} refused: {outside.Reason}";
                return null;
            case var missing:
                problem = $"template '{missing.Path}' of {send.Id} cannot be read";
                return null;
        }
    }

    /// <summary>
    /// The text of the <c>.txt</c> template beside the HTML template <paramref name="templatePath"/> (an email's text part),
    /// looked up as that template is; null when there is none, or with <paramref name="problem"/> when it cannot be read.
    /// </summary>
    public static string? PlainTextTemplate(ITemplateSource templates, string campaignPath, string templatePath, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(templates);
        problem = null;
        if (TextAlternative.CompanionPath(templatePath) is not { } path)
        {
            return null;
        }

        var lookup = templates.Find(campaignPath, path);
        switch (lookup)
        {
            case TemplateLookup.Found file:
                return TemplateDecoder.Decode(file.Path, file.Content).Text.Text;
            case TemplateLookup.Failed or TemplateLookup.Outside:
                problem = Unusable(lookup);
                return null;
            default:
                return null;
        }
    }

    /// <summary>Why a template that was looked for cannot be used: it cannot be read, leaves the project, or is not there.</summary>
    public static string Unusable(TemplateLookup lookup) => lookup switch
    {
        TemplateLookup.Failed failed => $"template '{failed.Path}' cannot be read: {failed.Reason}",
        TemplateLookup.Outside outside => $"template refused: {outside.Reason}",
        _ => $"template '{lookup.Path}' does not exist",
    };

    /// <summary>Renders <paramref name="context"/>'s send, its template read from beside <paramref name="campaignPath"/>; a template that cannot be read is one of the message's problems.</summary>
    public static RenderedMessage Render(MessageRenderer renderer, ITemplateSource templates, string campaignPath, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(context);
        var text = TemplateText(templates, campaignPath, context.Send, out var problem);
        if (problem is not null)
        {
            return new RenderedMessage(context.Send.Id, context.Send.Channel, [], null, null, null, [problem]);
        }

        var plainText = context.Send is { Channel: "email", Template: { } template } ? PlainTextTemplate(templates, campaignPath, template.Path, out problem) : null;
        if (problem is not null)
        {
            return new RenderedMessage(context.Send.Id, context.Send.Channel, [], null, null, null, [problem]);
        }

        return renderer.Render(context, text, plainText);
    }
}
