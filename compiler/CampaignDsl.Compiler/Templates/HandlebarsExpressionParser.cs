using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Reads the expression inside one tag (<c>formatDate incentive.expires_at format="d MMM"</c>) as
/// handlebars.js does: paths, strings, numbers, <c>true</c>/<c>false</c>/<c>null</c>/<c>undefined</c>,
/// <c>(sub expressions)</c>, <c>key=value</c> pairs and <c>as |block params|</c>. Identifier
/// characters are handlebars.js's: anything but whitespace and <c>!"#%&amp;'()*+,./;&lt;=&gt;@[\]^`{|}~</c>,
/// so <c>pm:unsubscribe</c> and <c>first-name</c> are single names.
/// </summary>
internal sealed class HandlebarsExpressionParser
{
    private const string NotInNames = "!\"#%&'()*+,./;<=>@[\\]^`{|}~";

    private readonly string _text;
    private readonly int _end;
    private readonly List<TemplateSyntaxError> _errors;
    private int _pos;

    private HandlebarsExpressionParser(string text, TextSpan content, List<TemplateSyntaxError> errors)
    {
        _text = text;
        _pos = content.Start;
        _end = content.End;
        _errors = errors;
    }

    /// <summary>Parses the content of a tag; mistakes are added to <paramref name="errors"/> and skipped.</summary>
    public static TagExpression Parse(string text, TextSpan content, List<TemplateSyntaxError> errors) =>
        new HandlebarsExpressionParser(text, content, errors).ParseCall(content.Start, closing: null);

    private TagExpression ParseCall(int start, char? closing)
    {
        var parameters = ImmutableArray.CreateBuilder<TemplateValue>();
        var hash = ImmutableArray.CreateBuilder<TemplateHashPair>();
        var blockParameters = ImmutableArray.CreateBuilder<string>();
        TemplateValue? head = null;
        while (true)
        {
            SkipSpace();
            if (AtCallEnd(closing))
            {
                break;
            }

            if (head is not null && AtBlockParameters())
            {
                ParseBlockParameters(blockParameters);
                continue;
            }

            if (head is not null && ParseHashPair() is { } pair)
            {
                hash.Add(pair);
                continue;
            }

            if (ParseValue() is not { } value)
            {
                _errors.Add(new TemplateSyntaxError(new TextSpan(_pos, 1), TemplateSyntaxMessages.Unexpected(_text[_pos].ToString())));
                _pos++;
                continue;
            }

            if (head is null)
            {
                head = value;
            }
            else
            {
                parameters.Add(value);
            }
        }

        return new TagExpression(TextSpan.FromBounds(start, _pos), head, parameters.ToImmutable(), hash.ToImmutable(), blockParameters.ToImmutable());
    }

    private TemplateValue? ParseValue()
    {
        var c = _text[_pos];
        if (c == '(')
        {
            return ParseSubExpression();
        }

        if (c is '"' or '\'')
        {
            return ParseString(c);
        }

        if (LiteralWordEnd() is { } end)
        {
            var start = _pos;
            _pos = end;
            return new TemplateLiteral(TextSpan.FromBounds(start, end), _text[start..end]);
        }

        return c == '@' || c == '[' || c == '.' || IsNameChar(c) ? ParsePath() : null;
    }

    private TemplateSubExpression ParseSubExpression()
    {
        var start = _pos++;
        var inner = ParseCall(_pos, closing: ')');
        if (_pos < _end && _text[_pos] == ')')
        {
            _pos++;
        }
        else
        {
            _errors.Add(new TemplateSyntaxError(new TextSpan(start, 1), TemplateSyntaxMessages.UnclosedSubexpression));
        }

        return new TemplateSubExpression(TextSpan.FromBounds(start, _pos), inner);
    }

    private TemplateLiteral ParseString(char quote)
    {
        var start = _pos++;
        while (_pos < _end && _text[_pos] != quote)
        {
            _pos += _text[_pos] == '\\' ? 2 : 1;
        }

        _pos = Math.Min(_end, _pos + 1);
        var inner = TextSpan.FromBounds(Math.Min(start + 1, _pos), Math.Max(start + 1, _pos - 1));
        return new TemplateLiteral(TextSpan.FromBounds(start, _pos), _text.Substring(inner.Start, inner.Length));
    }

    /// <summary>The end of a number or of <c>true</c>, <c>false</c>, <c>null</c>, <c>undefined</c> at the current position, if one stands there.</summary>
    private int? LiteralWordEnd()
    {
        var i = _pos;
        if (i < _end && (char.IsAsciiDigit(_text[i]) || (_text[i] == '-' && i + 1 < _end && char.IsAsciiDigit(_text[i + 1]))))
        {
            i++;
            while (i < _end && char.IsAsciiDigit(_text[i]))
            {
                i++;
            }

            if (i + 1 < _end && _text[i] == '.' && char.IsAsciiDigit(_text[i + 1]))
            {
                i += 2;
                while (i < _end && char.IsAsciiDigit(_text[i]))
                {
                    i++;
                }
            }

            return IsDelimiter(i) ? i : null;
        }

        foreach (var word in (ReadOnlySpan<string>)["true", "false", "null", "undefined"])
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 && _pos + word.Length <= _end && IsDelimiter(_pos + word.Length))
            {
                return _pos + word.Length;
            }
        }

        return null;
    }

    private TemplatePath ParsePath()
    {
        var start = _pos;
        var isData = _text[_pos] == '@';
        if (isData)
        {
            _pos++;
        }

        var parts = ImmutableArray.CreateBuilder<string>();
        var isThis = false;
        var depth = 0;
        while (_pos < _end)
        {
            if (At("..") && (parts.Count == 0 && !isThis))
            {
                depth++;
                _pos += 2;
            }
            else if (_text[_pos] == '.' && parts.Count == 0 && depth == 0)
            {
                isThis = true;
                _pos++;
            }
            else if (_text[_pos] == '[')
            {
                var close = _text.IndexOf(']', _pos + 1, _end - _pos - 1);
                if (close < 0)
                {
                    _errors.Add(new TemplateSyntaxError(new TextSpan(_pos, 1), TemplateSyntaxMessages.Unexpected("[")));
                    close = _end;
                }

                parts.Add(_text[(_pos + 1)..close]);
                _pos = Math.Min(_end, close + 1);
            }
            else if (IsNameChar(_text[_pos]))
            {
                var nameStart = _pos;
                while (_pos < _end && IsNameChar(_text[_pos]))
                {
                    _pos++;
                }

                var name = _text[nameStart.._pos];
                if (name == "this" && parts.Count == 0 && depth == 0 && !isData)
                {
                    isThis = true;
                }
                else
                {
                    parts.Add(name);
                }
            }
            else
            {
                break;
            }

            // A separator continues the path; a trailing one (`a.b.`) is tolerated, as Handlebars.Net does.
            if (_pos < _end && _text[_pos] is '.' or '/')
            {
                _pos++;
                continue;
            }

            break;
        }

        return new TemplatePath(TextSpan.FromBounds(start, _pos), _text[start.._pos], parts.ToImmutable(), isData, isThis, depth);
    }

    private TemplateHashPair? ParseHashPair()
    {
        var i = _pos;
        while (i < _end && IsNameChar(_text[i]))
        {
            i++;
        }

        var keyEnd = i;
        while (i < _end && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }

        if (keyEnd == _pos || i >= _end || _text[i] != '=')
        {
            return null;
        }

        var start = _pos;
        var key = _text[start..keyEnd];
        _pos = i + 1;
        SkipSpace();
        if (_pos >= _end || _text[_pos] == ')' || ParseValue() is not { } value)
        {
            _errors.Add(new TemplateSyntaxError(TextSpan.FromBounds(start, i + 1), TemplateSyntaxMessages.HashWithoutValue(key)));
            return null;
        }

        return new TemplateHashPair(TextSpan.FromBounds(start, _pos), key, value);
    }

    private bool AtBlockParameters()
    {
        if (!At("as") || _pos + 2 >= _end || !char.IsWhiteSpace(_text[_pos + 2]))
        {
            return false;
        }

        var i = _pos + 2;
        while (i < _end && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }

        return i < _end && _text[i] == '|';
    }

    private void ParseBlockParameters(ImmutableArray<string>.Builder names)
    {
        var start = _pos;
        var open = _text.IndexOf('|', _pos, _end - _pos);
        var close = _text.IndexOf('|', open + 1, _end - open - 1);
        if (close < 0)
        {
            _errors.Add(new TemplateSyntaxError(TextSpan.FromBounds(start, open + 1), TemplateSyntaxMessages.UnclosedBlockParams));
            close = _end;
        }

        names.AddRange(_text[(open + 1)..close].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        _pos = Math.Min(_end, close + 1);
    }

    private bool AtCallEnd(char? closing) => _pos >= _end || (closing is { } c && _text[_pos] == c);

    private bool IsDelimiter(int i) => i >= _end || char.IsWhiteSpace(_text[i]) || _text[i] is ')' or '=' or '|';

    private bool At(string expected) =>
        _pos + expected.Length <= _end && string.CompareOrdinal(_text, _pos, expected, 0, expected.Length) == 0;

    private void SkipSpace()
    {
        while (_pos < _end && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private static bool IsNameChar(char c) => !char.IsWhiteSpace(c) && !NotInNames.Contains(c, StringComparison.Ordinal);
}
