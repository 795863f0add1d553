using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>
/// What one message says, for rules that read it: its subject lines and preheader, and its body
/// (the inline <c>body</c>, or the template file as analysed by the template checks). When the
/// send names a template that this compilation does not read, <see cref="Complete"/> is false and
/// rules that need the whole message stay silent: unknown is not absent.
/// </summary>
public sealed partial class MessageContent(SendAction send, string? markup, bool complete)
{
    private string? _readable;

    public SendAction Send { get; } = send;

    /// <summary>The body's text as written: the inline body, or the template file; null when it has none or it was not read.</summary>
    public string? Markup { get; } = markup;

    /// <summary>False when the message's template was not read, so what it says is unknown.</summary>
    public bool Complete { get; } = complete;

    /// <summary>The message's subject lines, preheader and body as a reader sees them: tags and markup removed, lower case.</summary>
    public string ReadableText => _readable ??= Readable();

    public static MessageContent Of(CampaignScope scope, SendAction send)
    {
        if (send.Body is { } body)
        {
            return new MessageContent(send, body.Text.Value, true);
        }

        if (send.Template is not { Value.Length: > 0 } path)
        {
            return new MessageContent(send, null, true);
        }

        return scope.Templates?.Load(scope.Tree.Source.Path, path.Value) is LoadedTemplate.Analysed analysed
            ? new MessageContent(send, analysed.Analysis.Source.Text, true)
            : new MessageContent(send, null, false);
    }

    /// <summary>The distinct targets of the message's links (<c>href</c>s, or bare URLs in a text body), markup comments left out.</summary>
    public IReadOnlyList<string> LinkTargets()
    {
        if (Markup is null)
        {
            return [];
        }

        var markup = HtmlComment().Replace(Markup, "");
        var anchors = Href().Matches(markup).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["a"].Value).ToList();
        var targets = anchors.Count > 0 || markup.Contains("<a", StringComparison.OrdinalIgnoreCase)
            ? anchors
            : [.. BareLink().Matches(markup).Select(m => m.Value)];
        return [.. targets.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
    }

    private string Readable()
    {
        var text = new StringBuilder();
        foreach (var subject in Send.Subjects)
        {
            text.Append(subject.Text.Value).Append('\n');
        }

        if (Send.Preheader is { } preheader)
        {
            text.Append(preheader.Text.Value).Append('\n');
        }

        if (Markup is not null)
        {
            var visible = Tag().Replace(HtmlComment().Replace(HandlebarsComment().Replace(Markup, " "), " "), " ");
            text.Append(WebUtility.HtmlDecode(visible));
        }

        return Whitespace().Replace(text.ToString().Replace('\u2019', '\''), " ").ToLowerInvariant();
    }

    [GeneratedRegex("<!--.*?(-->|$)", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"\{\{!--.*?--\}\}|\{\{![^}]*\}\}", RegexOptions.Singleline)]
    private static partial Regex HandlebarsComment();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*(?:"(?<q>[^"]*)"|'(?<q>[^']*)'|(?<a>[^\s>]+))""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://[^\s<>""']+|\{\{\{?\s*[a-z_]*url\s*\}?\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex BareLink();
}
