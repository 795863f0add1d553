using System.Collections.Immutable;
using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Templates;

/// <summary>A rendered subject line and the A/B variant it is.</summary>
public sealed record RenderedSubject(string Id, decimal Weight, string Text);

/// <summary>
/// A message as one contact would get it: every subject variant, the preheader and the body, or the
/// problems that stop it (each naming the part: <c>subject stage.x.send.0.subject.1: ...</c>).
/// </summary>
public sealed record RenderedMessage(
    string SendId,
    string Channel,
    ImmutableArray<RenderedSubject> Subjects,
    string? Preheader,
    string? Body,
    string? BodyHash,
    ImmutableArray<string> Problems)
{
    public bool Succeeded => Problems.IsEmpty;
}

/// <summary>
/// Renders a send's subject lines, preheader and body for one contact. Subjects, preheaders and inline
/// bodies are Handlebars; a template file's engine comes from the plan or its extension. Templates are
/// compiled once per content (<see cref="TemplateCache"/>).
/// </summary>
public sealed class MessageRenderer(TemplateEngines engines, TemplateCache cache)
{
    public static MessageRenderer CreateDefault() => new(TemplateEngines.BuiltIn, new TemplateCache());

    /// <summary>
    /// Renders <paramref name="context"/>'s send; <paramref name="templateText"/> is the text of the send's
    /// template file (null for an inline body or a send without one).
    /// </summary>
    public RenderedMessage Render(MessageContext context, string? templateText)
    {
        ArgumentNullException.ThrowIfNull(context);
        var send = context.Send;
        var model = MessageModel.Build(context, out var modelProblems);
        var problems = new List<string>(modelProblems);
        var inline = engines.FindByName(TemplateEngines.InlineEngine)!;
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
                body = Part(engine, templateText, $"template {template.Path}");
                bodyHash = TemplateCache.Hash(templateText);
            }
        }
        else if (send.Body is { } inlineBody)
        {
            body = Part(inline, inlineBody, $"body of {send.Id}");
            bodyHash = TemplateCache.Hash(inlineBody);
        }

        return new RenderedMessage(send.Id, send.Channel, subjects.ToImmutable(), preheader, body, bodyHash, [.. problems]);
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
