using System.Text;
using MimeKit.Text;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// The <c>text/plain</c> part of an email made from its HTML, for a template without a <c>.txt</c> beside it. Read with
/// MimeKit's HTML tokenizer (entities decoded as a browser decodes them), so the text is what a reader of the HTML saw:
/// no markup; the contents of <c>head</c>, <c>style</c>, <c>script</c> and elements hidden with <c>display:none</c>
/// (a preheader) left out; block elements and <c>br</c> as line breaks, paragraphs, headings, lists and tables
/// separated by a blank line; list items as <c>- item</c>; a link as <c>label (url)</c>, or its url alone when the label
/// is the url or empty (an image without <c>alt</c>); an image as its <c>alt</c> text; runs of white space as one space
/// except inside <c>pre</c>.
/// </summary>
public static class TextAlternative
{
    /// <summary>The extension of a plain-text template written beside an HTML one.</summary>
    public const string Extension = ".txt";

    private static readonly HashSet<HtmlTagId> Paragraphs =
    [
        HtmlTagId.P, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6,
        HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.DL, HtmlTagId.Table, HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.Address,
    ];

    private static readonly HashSet<HtmlTagId> Lines =
    [
        HtmlTagId.Div, HtmlTagId.TR, HtmlTagId.LI, HtmlTagId.DT, HtmlTagId.DD, HtmlTagId.Center, HtmlTagId.Body,
        HtmlTagId.TBody, HtmlTagId.THead, HtmlTagId.Tfoot, HtmlTagId.Caption, HtmlTagId.Form, HtmlTagId.FieldSet,
    ];

    private static readonly HashSet<string> Sections = new(StringComparer.OrdinalIgnoreCase) { "section", "article", "header", "footer", "main", "nav", "aside", "figure", "figcaption" };

    private static readonly HashSet<HtmlTagId> Unseen = [HtmlTagId.Head, HtmlTagId.Style, HtmlTagId.Script, HtmlTagId.Title, HtmlTagId.NoScript];

    /// <summary>
    /// The path of the plain-text template beside <paramref name="templatePath"/> (same name, <c>.txt</c>); null when the
    /// template is a <c>.txt</c> file itself.
    /// </summary>
    public static string? CompanionPath(string templatePath)
    {
        ArgumentNullException.ThrowIfNull(templatePath);
        return templatePath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? null : Path.ChangeExtension(templatePath, Extension);
    }

    /// <summary>The text a reader of <paramref name="html"/> sees, as described above, ending in one line break.</summary>
    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new TextBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        var hidden = new Stack<string>();
        var links = new Stack<(string? Href, int Start)>();
        var pre = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            if (hidden.Count > 0)
            {
                // Inside something unseen: only its own end (or a nested one of the same name) matters.
                if (token is HtmlTagToken nested && string.Equals(nested.Name, hidden.Peek(), StringComparison.OrdinalIgnoreCase) && !nested.IsEmptyElement)
                {
                    if (nested.IsEndTag)
                    {
                        hidden.Pop();
                    }
                    else
                    {
                        hidden.Push(nested.Name);
                    }
                }

                continue;
            }

            switch (token)
            {
                case HtmlDataToken data when token.Kind == HtmlTokenKind.Data:
                    text.Write(data.Data, pre > 0);
                    break;
                case HtmlDataToken cdata when token.Kind == HtmlTokenKind.CData:
                    text.Write(cdata.Data, pre > 0);
                    break;
                case HtmlTagToken tag when !tag.IsEndTag && !tag.IsEmptyElement && !tag.Id.IsEmptyElement() && IsUnseen(tag):
                    hidden.Push(tag.Name);
                    break;
                case HtmlTagToken tag:
                    Tag(tag, text, links, ref pre);
                    break;
            }
        }

        return text.ToString();
    }

    private static bool IsUnseen(HtmlTagToken tag) =>
        Unseen.Contains(tag.Id)
        || (tag.Attributes.TryGetValue(HtmlAttributeId.Style, out var style) && style.Value is { } css
            && css.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase))
        || tag.Attributes.Contains("hidden");

    private static void Tag(HtmlTagToken tag, TextBuilder text, Stack<(string? Href, int Start)> links, ref int pre)
    {
        var id = tag.Id;
        if (id == HtmlTagId.Br)
        {
            text.LineBreak();
        }
        else if (id == HtmlTagId.HR)
        {
            text.Paragraph();
        }
        else if (id == HtmlTagId.Image)
        {
            if (tag.Attributes.TryGetValue(HtmlAttributeId.Alt, out var alt) && !string.IsNullOrWhiteSpace(alt.Value))
            {
                text.Write(alt.Value, preformatted: false);
            }
        }
        else if (id == HtmlTagId.A)
        {
            if (!tag.IsEndTag)
            {
                var href = tag.Attributes.TryGetValue(HtmlAttributeId.Href, out var attribute) ? attribute.Value?.Trim() : null;
                links.Push((href, text.Length));
                if (tag.IsEmptyElement)
                {
                    EndLink(text, links);
                }
            }
            else if (links.Count > 0)
            {
                EndLink(text, links);
            }
        }
        else if (id is HtmlTagId.TD or HtmlTagId.TH)
        {
            text.Write(" ", preformatted: false);
        }
        else if (Paragraphs.Contains(id) || Sections.Contains(tag.Name))
        {
            if (id == HtmlTagId.Pre)
            {
                pre = Math.Max(0, pre + (tag.IsEndTag ? -1 : 1));
            }

            text.Paragraph();
        }
        else if (Lines.Contains(id))
        {
            text.LineBreak();
            if (id == HtmlTagId.LI && !tag.IsEndTag)
            {
                text.Write("- ", preformatted: true);
            }
        }
    }

    private static void EndLink(TextBuilder text, Stack<(string? Href, int Start)> links)
    {
        var (href, start) = links.Pop();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var label = text.Since(start).Trim();
        var shown = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href["mailto:".Length..] : href;
        if (label.Length == 0)
        {
            text.Write(href, preformatted: false);
        }
        else if (!string.Equals(label, href, StringComparison.Ordinal) && !string.Equals(label, shown, StringComparison.Ordinal))
        {
            text.Write(" (" + href + ")", preformatted: true);
        }
    }

    /// <summary>Text with white space collapsed as a browser collapses it, and line breaks that never pile up.</summary>
    private sealed class TextBuilder
    {
        private readonly StringBuilder _text = new();
        private int _pendingBreaks;
        private bool _pendingSpace;

        public int Length => _text.Length;

        public string Since(int start) => _text.ToString(start, _text.Length - start);

        public void Write(string value, bool preformatted)
        {
            foreach (var raw in value)
            {
                var c = raw == '\u00A0' ? ' ' : raw;
                if (preformatted && c == '\n')
                {
                    LineBreak();
                }
                else if (!preformatted && char.IsWhiteSpace(c))
                {
                    _pendingSpace = _text.Length > 0 && _pendingBreaks == 0;
                }
                else if (c != '\r')
                {
                    Flush();
                    _text.Append(c);
                }
            }
        }

        public void LineBreak() => Break(1);

        public void Paragraph() => Break(2);

        public override string ToString() => _text.ToString().TrimEnd(' ') is { Length: > 0 } text ? text + "\n" : "";

        private void Break(int lines)
        {
            _pendingSpace = false;
            if (_text.Length > 0)
            {
                _pendingBreaks = Math.Max(_pendingBreaks, lines);
            }
        }

        private void Flush()
        {
            if (_pendingBreaks > 0)
            {
                while (_text.Length > 0 && _text[^1] == ' ')
                {
                    _text.Length--;
                }

                _text.Append('\n', _pendingBreaks);
            }
            else if (_pendingSpace && _text.Length > 0 && _text[^1] is not (' ' or '\n'))
            {
                _text.Append(' ');
            }

            _pendingBreaks = 0;
            _pendingSpace = false;
        }
    }
}
