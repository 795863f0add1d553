using System.Collections.Immutable;
using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Templates;

/// <summary>A rendered subject line and the A/B variant it is.</summary>
public sealed record RenderedSubject(string Id, decimal Weight, string Text);

/// <summary>
/// A message as one contact would get it: every subject variant, the preheader and the body, or the
/// problems that stop it (each naming the part: <c>subject stage.x.send.0.subject.1: ...</c>).
/// <paramref name="Body"/> is HTML for email and plain text for every other channel; <paramref name="TextBody"/> is an
/// email's <c>text/plain</c> part (null on other channels).
/// </summary>
public sealed record RenderedMessage(
    string SendId,
    string Channel,
    ImmutableArray<RenderedSubject> Subjects,
    string? Preheader,
    string? Body,
    string? BodyHash,
    ImmutableArray<string> Problems,
    string? TextBody = null)
{
    public bool Succeeded => Problems.IsEmpty;
}

/// <summary>
/// Renders a send's subject lines, preheader and body for one contact. Subjects, preheaders and inline
/// bodies are Handlebars; a template file's engine comes from the plan or its extension. Templates are
/// compiled once per content (<see cref="TemplateCache"/>).
/// <para>
/// Only an email's HTML escapes what it inserts. Subject lines, preheaders, SMS and push bodies and an email's text part
/// are plain text, rendered by the plain-text form of their engine (<see cref="TemplateEngines.PlainTextOf"/>). An email's
/// text part is its <c>.txt</c> template beside the HTML one when there is one, else made from the HTML (<see cref="TextAlternative"/>).
/// </para>
/// </summary>
public sealed class MessageRenderer(TemplateEngines engines, TemplateCache cache)
{
    public static MessageRenderer CreateDefault() => new(TemplateEngines.BuiltIn, new TemplateCache());

    /// <summary>
    /// Renders <paramref name="context"/>'s send; <paramref name="templateText"/> is the text of the send's
    /// template file (null for an inline body or a send without one), <paramref name="plainTextTemplate"/> the text of
    /// the <c>.txt</c> template beside it (<see cref="TextAlternative.CompanionPath"/>; null when there is none).
    /// </summary>
    public RenderedMessage Render(MessageContext context, string? templateText, string? plainTextTemplate = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var send = context.Send;
        var model = MessageModel.Build(context, out var modelProblems);
        var problems = new List<string>(modelProblems);
        var email = send.Channel == "email";
        var inline = engines.FindByName(TemplateEngines.PlainTextEngine)!;
        var absent = EmptyValueProbe.AbsentValues(context);

        // A part that prints a value this message does not have is not sent half empty ("your code: .").
        string? Part(ITemplateEngine engine, string text, string what)
        {
            var rendered = RenderText(engine, text, model, what, problems);
            if (rendered is not null && absent.Count > 0 && text.Contains("incentive", StringComparison.Ordinal)
                && RenderText(engine, text, EmptyValueProbe.Marked(model, absent), what, []) is { } probed)
            {
                problems.AddRange(EmptyValueProbe.Problems(what, rendered, probed, absent));
            }

            return rendered;
        }

        var subjects = ImmutableArray.CreateBuilder<RenderedSubject>();
        foreach (var subject in send.Subjects)
        {
            if (Part(inline, subject.Text, $"subject {subject.Id}") is { } text)
            {
                subjects.Add(new RenderedSubject(subject.Id, subject.Weight, text));
            }
        }

        var preheader = send.Preheader is null ? null : Part(inline, send.Preheader, $"preheader of {send.Id}");
        string? body = null;
        string? bodyHash = null;
        string? textBody = null;
        if (send.Template is { } template)
        {
            var engine = engines.Find(template.Path, template.Engine);
            if (engine is null)
            {
                problems.Add($"template {template.Path}: no engine renders it ({engines.Describe()})");
            }
            else if (templateText is null)
            {
                problems.Add($"template {template.Path}: its text was not given");
            }
            else
            {
                body = Part(email ? engine : engines.PlainTextOf(engine), templateText, $"template {template.Path}");
                bodyHash = TemplateCache.Hash(templateText);
                if (email && plainTextTemplate is not null)
                {
                    // The text part is written in the HTML template's language, so it is rendered by that engine's plain form.
                    textBody = Part(engines.PlainTextOf(engine), plainTextTemplate, $"template {TextAlternative.CompanionPath(template.Path)}");
                }
            }
        }
        else if (send.Body is { } inlineBody)
        {
            body = Part(email ? engines.FindByName(TemplateEngines.InlineEngine)! : inline, inlineBody, $"body of {send.Id}");
            bodyHash = TemplateCache.Hash(inlineBody);
        }

        if (email && textBody is null && body is not null)
        {
            textBody = TextAlternative.FromHtml(body);
        }

        return new RenderedMessage(send.Id, send.Channel, subjects.ToImmutable(), preheader, body, bodyHash, [.. problems], textBody);
    }

    /// <summary>Renders <paramref name="text"/> with <paramref name="engine"/>; a failure is added to <paramref name="problems"/> under <paramref name="what"/>.</summary>
    public string? RenderText(ITemplateEngine engine, string text, IReadOnlyDictionary<string, object?> model, string what, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        switch (cache.GetOrCompile(engine, text))
        {
            case TemplateCompilation.Failed failed:
                problems.Add($"{what}: {failed.Message}");
                return null;
            case TemplateCompilation.Compiled compiled:
                switch (compiled.Template.Render(model))
                {
                    case TemplateRendering.Rendered rendered:
                        return rendered.Text;
                    case TemplateRendering.Failed failed:
                        problems.Add($"{what}: {failed.Message}");
                        return null;
                }

                break;
        }

        return null;
    }
}
