using System.Collections.Immutable;
using System.Text;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Cuts a Handlebars template into literal text and <c>{{...}}</c> tags, following the lexer of
/// handlebars.js: comments (<c>{{! }}</c>, <c>{{!-- --}}</c>, which may hold <c>}}</c>), triple-stash,
/// raw blocks (<c>{{{{raw}}}}...{{{{/raw}}}}</c>), escaped <c>\{{</c>, whitespace control <c>~</c>, and
/// quoted strings and <c>[segments]</c> inside tags. It knows nothing of what tags mean; a tag that is
/// never closed is reported and scanning goes on after its <c>{{</c>, so one slip gives one error.
/// </summary>
internal sealed class HandlebarsScanner
{
    private readonly string _text;
    private readonly List<TemplateToken> _tokens = [];
    private readonly List<TemplateSyntaxError> _errors = [];
    private readonly StringBuilder _literal = new();
    private int _literalStart;

    private HandlebarsScanner(string text) => _text = text;

    public static (ImmutableArray<TemplateToken> Tokens, ImmutableArray<TemplateSyntaxError> Errors) Scan(string text)
    {
        var scanner = new HandlebarsScanner(text);
        scanner.Run();
        return ([.. scanner._tokens], [.. scanner._errors]);
    }

    private void Run()
    {
        var position = 0;
        while (position < _text.Length)
        {
            var open = _text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                _literal.Append(_text, position, _text.Length - position);
                break;
            }

            // `\\{{` is a backslash followed by a real tag; `\{{` is literal text up to the next `{{`.
            var backslashes = Backslashes(open, position);
            if (backslashes == 1)
            {
                _literal.Append(_text, position, open - 1 - position);
                position = EscapedEnd(open);
                _literal.Append(_text, open, position - open);
                continue;
            }

            _literal.Append(_text, position, open - position - (backslashes == 2 ? 1 : 0));
            FlushLiteral(open);
            position = _text.AsSpan(open).StartsWith("{{{{") ? ScanRawBlock(open) : ScanTag(open);
            _literalStart = position;
        }

        FlushLiteral(_text.Length);
    }

    /// <summary>How many backslashes (0, 1 or 2) stand right before <paramref name="open"/>, not counting any before <paramref name="floor"/>.</summary>
    private int Backslashes(int open, int floor)
    {
        if (open - 2 >= floor && _text[open - 1] == '\\' && _text[open - 2] == '\\')
        {
            return 2;
        }

        return open - 1 >= floor && _text[open - 1] == '\\' ? 1 : 0;
    }

    /// <summary>Where the literal text of an escaped <c>\{{</c> at <paramref name="open"/> ends: before the next tag or its escape.</summary>
    private int EscapedEnd(int open)
    {
        var next = _text.IndexOf("{{", open + 2, StringComparison.Ordinal);
        if (next < 0)
        {
            return _text.Length;
        }

        return next - Backslashes(next, open + 2);
    }

    private void FlushLiteral(int end)
    {
        if (end > _literalStart || _literal.Length > 0)
        {
            _tokens.Add(new TextToken(TextSpan.FromBounds(_literalStart, end), _literal.ToString()));
        }

        _literal.Clear();
    }

    private int ScanTag(int open)
    {
        var p = open + 2;
        var stripBefore = At(p, "~");
        if (stripBefore)
        {
            p++;
        }

        if (At(p, "!"))
        {
            return ScanComment(open, p, stripBefore);
        }

        var triple = false;
        TagKind kind;
        if (At(p, "{"))
        {
            (kind, triple) = (TagKind.UnescapedOutput, true);
            p++;
        }
        else if (At(p, "&"))
        {
            kind = TagKind.UnescapedOutput;
            p++;
        }
        else if (At(p, "#>"))
        {
            kind = TagKind.PartialBlockOpen;
            p += 2;
        }
        else if (At(p, "#*"))
        {
            kind = TagKind.DecoratorBlockOpen;
            p += 2;
        }
        else if (At(p, "#"))
        {
            kind = TagKind.BlockOpen;
            p++;
        }
        else if (At(p, ">"))
        {
            kind = TagKind.Partial;
            p++;
        }
        else if (At(p, "/"))
        {
            kind = TagKind.BlockClose;
            p++;
        }
        else if (At(p, "^"))
        {
            kind = TagKind.InvertedBlockOpen;
            p++;
        }
        else if (At(p, "*"))
        {
            kind = TagKind.Decorator;
            p++;
        }
        else if (ElseKeywordEnd(p) is { } afterElse)
        {
            kind = TagKind.Else;
            p = afterElse;
        }
        else
        {
            kind = TagKind.Output;
        }

        var close = FindClose(open, p, triple);
        if (close is null)
        {
            return open + 2;
        }

        var (contentEnd, end, stripAfter) = close.Value;
        var content = TextSpan.FromBounds(p, contentEnd);
        if (kind == TagKind.InvertedBlockOpen && _text.AsSpan(p, contentEnd - p).IsWhiteSpace())
        {
            kind = TagKind.Else;
        }

        _tokens.Add(new TagToken(kind, TextSpan.FromBounds(open, end), content, stripBefore, stripAfter));
        return end;
    }

    /// <summary>
    /// The end of the content and of the tag whose content starts at <paramref name="from"/>, skipping
    /// quoted strings and <c>[segments]</c>; null (and an error) when another <c>{{</c> or the end of the
    /// template comes first.
    /// </summary>
    private (int ContentEnd, int End, bool StripAfter)? FindClose(int open, int from, bool triple)
    {
        var i = from;
        var inQuote = false;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c is '"' or '\'')
            {
                var closing = _text.IndexOf(c, i + 1);
                while (closing > 0 && _text[closing - 1] == '\\')
                {
                    closing = _text.IndexOf(c, closing + 1);
                }

                if (closing < 0)
                {
                    inQuote = true;
                    break;
                }

                i = closing + 1;
                continue;
            }

            // A `[segment]` may hold any character; a `[` with no `]` before the tag's end is just a character.
            if (c == '[')
            {
                var closing = _text.IndexOf(']', i + 1);
                var braces = _text.IndexOf("}}", i, StringComparison.Ordinal);
                if (closing >= 0 && (braces < 0 || closing < braces))
                {
                    i = closing + 1;
                    continue;
                }
            }

            if (At(i, "{{"))
            {
                break;
            }

            if (triple)
            {
                if (At(i, "}}}"))
                {
                    return (i, i + 3, false);
                }

                if (At(i, "~}}}") || At(i, "}~}}"))
                {
                    return (i, i + 4, true);
                }

                if (At(i, "}}"))
                {
                    Error(open, i + 2, TemplateSyntaxMessages.TripleClosedWithDouble);
                    return (i, i + 2, false);
                }
            }
            else
            {
                var strip = At(i, "~}}");
                if (strip || At(i, "}}"))
                {
                    var end = i + (strip ? 3 : 2);
                    if (At(end, "}"))
                    {
                        Error(open, end + 1, TemplateSyntaxMessages.DoubleClosedWithTriple);
                        return (i, end + 1, strip);
                    }

                    return (i, end, strip);
                }
            }

            i++;
        }

        var lineEnd = _text.IndexOfAny(['\r', '\n'], open);
        Error(open, lineEnd < 0 ? _text.Length : lineEnd, inQuote ? TemplateSyntaxMessages.UnclosedQuote : TemplateSyntaxMessages.UnclosedTag);
        return null;
    }

    private int ScanComment(int open, int bang, bool stripBefore)
    {
        var isLong = At(bang, "!--");
        var searchFrom = bang + (isLong ? 3 : 1);
        int contentEnd, end;
        bool stripAfter;
        if (isLong)
        {
            var plain = _text.IndexOf("--}}", searchFrom, StringComparison.Ordinal);
            var stripped = _text.IndexOf("--~}}", searchFrom, StringComparison.Ordinal);
            if (plain < 0 && stripped < 0)
            {
                Error(open, Math.Min(_text.Length, open + 5), TemplateSyntaxMessages.UnclosedLongComment);
                return _text.Length;
            }

            stripAfter = stripped >= 0 && (plain < 0 || stripped < plain);
            contentEnd = stripAfter ? stripped : plain;
            end = contentEnd + (stripAfter ? 5 : 4);
        }
        else
        {
            var close = _text.IndexOf("}}", searchFrom, StringComparison.Ordinal);
            if (close < 0)
            {
                Error(open, Math.Min(_text.Length, open + 3), TemplateSyntaxMessages.UnclosedComment);
                return _text.Length;
            }

            stripAfter = close > searchFrom && _text[close - 1] == '~';
            contentEnd = stripAfter ? close - 1 : close;
            end = close + 2;
        }

        _tokens.Add(new TagToken(TagKind.Comment, TextSpan.FromBounds(open, end), TextSpan.FromBounds(searchFrom, contentEnd), stripBefore, stripAfter));
        return end;
    }

    /// <summary><c>{{{{name args}}}}</c>, its literal content, and <c>{{{{/name}}}}</c>.</summary>
    private int ScanRawBlock(int open)
    {
        var close = _text.IndexOf("}}}}", open + 4, StringComparison.Ordinal);
        if (close < 0)
        {
            var lineEnd = _text.IndexOfAny(['\r', '\n'], open);
            Error(open, lineEnd < 0 ? _text.Length : lineEnd, TemplateSyntaxMessages.UnclosedTag);
            return open + 4;
        }

        var content = TextSpan.FromBounds(open + 4, close);
        var written = _text.Substring(content.Start, content.Length).Trim();
        if (written.StartsWith('/'))
        {
            Error(open, close + 4, TemplateSyntaxMessages.RawCloseWithoutOpen(written[1..].Trim()));
            return close + 4;
        }

        var name = written.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        _tokens.Add(new TagToken(TagKind.RawBlockOpen, TextSpan.FromBounds(open, close + 4), content, false, false));
        var bodyStart = close + 4;
        var closingTag = "{{{{/" + name + "}}}}";
        var end = name.Length == 0 ? -1 : _text.IndexOf(closingTag, bodyStart, StringComparison.Ordinal);
        if (end < 0)
        {
            Error(open, close + 4, TemplateSyntaxMessages.UnclosedRawBlock(name));
            _tokens.Add(new TextToken(TextSpan.FromBounds(bodyStart, _text.Length), _text[bodyStart..]));
            return _text.Length;
        }

        _tokens.Add(new TextToken(TextSpan.FromBounds(bodyStart, end), _text[bodyStart..end]));
        var nameSpan = new TextSpan(end + 5, name.Length);
        _tokens.Add(new TagToken(TagKind.RawBlockClose, new TextSpan(end, closingTag.Length), nameSpan, false, false));
        return end + closingTag.Length;
    }

    /// <summary>After <c>else</c> when the tag at <paramref name="p"/> is an else (whitespace may precede the keyword); null otherwise.</summary>
    private int? ElseKeywordEnd(int p)
    {
        var i = p;
        while (i < _text.Length && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }

        if (!At(i, "else"))
        {
            return null;
        }

        var after = i + 4;
        return after >= _text.Length || char.IsWhiteSpace(_text[after]) || At(after, "~") || At(after, "}}") ? after : null;
    }

    private bool At(int index, string expected) =>
        index >= 0 && index <= _text.Length - expected.Length && string.CompareOrdinal(_text, index, expected, 0, expected.Length) == 0;

    private void Error(int start, int end, string message) =>
        _errors.Add(new TemplateSyntaxError(TextSpan.FromBounds(start, Math.Max(end, start + 2)), message));
}
