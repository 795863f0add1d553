using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Trims literal text as Handlebars does before rendering: <c>{{~x}}</c> and <c>{{x~}}</c> strip all
/// whitespace on that side, and a block, else, comment or partial tag alone on its line ("standalone")
/// takes the line's indentation and line break with it. Without this, text lengths (an SMS) would count
/// line breaks that are never sent.
/// </summary>
internal static class WhitespaceControl
{
    public static ImmutableArray<TemplateToken> Apply(ImmutableArray<TemplateToken> tokens)
    {
        var texts = tokens.Select(t => (t as TextToken)?.Text).ToArray();
        for (var k = 0; k < tokens.Length; k++)
        {
            if (tokens[k] is not TagToken tag)
            {
                continue;
            }

            var previous = k > 0 ? tokens[k - 1] as TextToken : null;
            var next = k + 1 < tokens.Length ? tokens[k + 1] as TextToken : null;
            if (tag.StripBefore && previous is not null)
            {
                texts[k - 1] = texts[k - 1]!.TrimEnd();
            }

            if (tag.StripAfter && next is not null)
            {
                texts[k + 1] = texts[k + 1]!.TrimStart();
            }

            if (CanStandAlone(tag.Kind) && IsStandalone(tokens, k))
            {
                if (previous is not null)
                {
                    texts[k - 1] = texts[k - 1]!.TrimEnd(' ', '\t');
                }

                if (next is not null)
                {
                    texts[k + 1] = OmitFirstLineBreak(texts[k + 1]!);
                }
            }
        }

        return [.. tokens.Select((t, i) => t is TextToken text ? text with { Text = texts[i]! } : t)];
    }

    private static bool CanStandAlone(TagKind kind) => kind is not (TagKind.Output or TagKind.UnescapedOutput or TagKind.RawBlockOpen or TagKind.RawBlockClose);

    /// <summary>Only whitespace between the tag and the line breaks (or the template's ends) on either side; judged on the text as written.</summary>
    private static bool IsStandalone(ImmutableArray<TemplateToken> tokens, int k)
    {
        var before = k == 0 || (tokens[k - 1] is TextToken previous && EndsWithBlankLine(previous.Text, atStart: k - 1 == 0));
        var after = k == tokens.Length - 1 || (tokens[k + 1] is TextToken next && StartsWithBlankLine(next.Text, atEnd: k + 1 == tokens.Length - 1));
        return before && after;
    }

    private static bool EndsWithBlankLine(string text, bool atStart)
    {
        var i = text.Length;
        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return text.AsSpan(i).ContainsAny('\n', '\r') || (atStart && i == 0);
    }

    private static bool StartsWithBlankLine(string text, bool atEnd)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return text.AsSpan(0, i).ContainsAny('\n', '\r') || (atEnd && i == text.Length);
    }

    private static string OmitFirstLineBreak(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\n')
        {
            i++;
        }

        return text[i..];
    }
}
