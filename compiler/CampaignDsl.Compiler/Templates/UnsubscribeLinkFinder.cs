using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Finds the unsubscribe link a marketing email must carry: our built-in <c>{{unsubscribe_url}}</c>
/// (or <c>{{{unsubscribe_url}}}</c>), or the placeholders email service providers fill in when they
/// send, as in the shared SendGrid and Postmark templates. Printed anywhere counts, an <c>href</c>
/// included; a name that is only tested (<c>{{#if unsubscribe_url}}</c>), or that stands in a
/// Handlebars or HTML comment, does not.
/// </summary>
public static class UnsubscribeLinkFinder
{
    /// <summary>Names whose value is an unsubscribe link: ours, SendGrid's <c>{{{unsubscribe}}}</c>, Postmark's <c>{{{ pm:unsubscribe }}}</c>.</summary>
    public static ImmutableArray<string> LinkVariables { get; } = ["unsubscribe_url", "unsubscribe", "pm:unsubscribe"];

    /// <summary>Substitution tags that providers replace with an unsubscribe link (SendGrid's, and Mailchimp's merge tag).</summary>
    public static ImmutableArray<string> ProviderTags { get; } =
    [
        "<%asm_group_unsubscribe_raw_url%>", "<%asm_global_unsubscribe_raw_url%>",
        "<%asm_group_unsubscribe_url%>", "<%asm_global_unsubscribe_url%>",
        "[Unsubscribe]", "*|UNSUB|*",
    ];

    /// <summary>Where the template's first unsubscribe link is, or null when it has none.</summary>
    public static TextSpan? Find(TemplateAnalysis analysis)
    {
        var text = analysis.Source.Text;
        var htmlComments = HtmlComments(text);
        bool Visible(int offset) => !htmlComments.Any(c => c.Start <= offset && offset < c.End);

        var variable = analysis.RootReferences
            .Where(r => r.Role is not (ReferenceRole.Condition or ReferenceRole.BlockContext) && LinkVariables.Contains(r.Name) && Visible(r.Span.Start))
            .Select(r => (TextSpan?)r.Span)
            .FirstOrDefault();
        if (variable is not null)
        {
            return variable;
        }

        foreach (var span in LiteralSpans(analysis.Nodes))
        {
            foreach (var tag in ProviderTags)
            {
                var at = text.IndexOf(tag, span.Start, span.Length, StringComparison.Ordinal);
                if (at >= 0 && Visible(at))
                {
                    return new TextSpan(at, tag.Length);
                }
            }
        }

        return null;
    }

    /// <summary>The spans of literal text (raw blocks included: a provider tag there is sent as written, and the provider replaces it).</summary>
    private static IEnumerable<TextSpan> LiteralSpans(IEnumerable<TemplateNode> nodes) => nodes.SelectMany(node => node switch
    {
        TextNode text => [text.Span],
        RawBlockNode raw => [raw.Span],
        BlockNode block => block.Branches.SelectMany(b => LiteralSpans(b.Children)),
        _ => [],
    });

    private static List<TextSpan> HtmlComments(string text)
    {
        var comments = new List<TextSpan>();
        var from = 0;
        while (text.IndexOf("<!--", from, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = text.IndexOf("-->", start + 4, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + 3;
            comments.Add(TextSpan.FromBounds(start, end));
            from = end;
        }

        return comments;
    }
}
