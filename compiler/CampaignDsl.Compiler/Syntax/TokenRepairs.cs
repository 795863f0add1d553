using Antlr4.Runtime;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax.Generated;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>
/// Repairs three slips before the parser sees them, each reported once as an unexpected character.
/// Dropping the characters instead would leave words the parser cannot place, and one slip would
/// be reported again and again down the block:
/// <list type="bullet">
/// <item>text in curly quotes, pasted from a word processor (<c>subject “We miss you”</c>), becomes a quoted text;</item>
/// <item>an address without quotes (<c>owner crm@shop.example</c>) becomes a quoted text;</item>
/// <item><c>&amp;&amp;</c>, <c>||</c> and <c>!</c> from programming languages become <c>and</c>, <c>or</c> and <c>not</c>.</item>
/// </list>
/// </summary>
internal static class TokenRepairs
{
    private static readonly Dictionary<string, (int Type, string Keyword)> OperatorSymbols = new(StringComparer.Ordinal)
    {
        ["&&"] = (CampaignLexer.AND, "and"),
        ["&"] = (CampaignLexer.AND, "and"),
        ["||"] = (CampaignLexer.OR, "or"),
        ["|"] = (CampaignLexer.OR, "or"),
        ["!"] = (CampaignLexer.NOT, "not"),
    };

    public static IList<IToken> Apply(SourceText source, IList<IToken> tokens, DiagnosticBag diagnostics)
    {
        if (!tokens.Any(t => t.Type == CampaignLexer.BAD_CHARACTER))
        {
            return tokens;
        }

        var repaired = new List<IToken>(tokens.Count);
        var untouched = 0; // tokens before this index are already part of a repair
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type != CampaignLexer.BAD_CHARACTER)
            {
                repaired.Add(token);
                continue;
            }

            if (CurlyQuoteEnd(source, tokens, i) is { } close)
            {
                var inner = source.Text[(token.StopIndex + 1)..tokens[close].StartIndex];
                var text = Replace(token, tokens[close], CampaignLexer.STRING, "\"" + inner + "\"");
                diagnostics.Add(DiagnosticCatalog.CurlyQuotes(TokenScanner.At(source, text), inner));
                repaired.Add(text);
                i = close;
            }
            else if (AddressBounds(tokens, i, untouched) is var (first, last))
            {
                repaired.RemoveRange(repaired.Count - (i - first), i - first);
                var address = source.Text[tokens[first].StartIndex..(tokens[last].StopIndex + 1)];
                var text = Replace(tokens[first], tokens[last], CampaignLexer.STRING, "\"" + address + "\"");
                diagnostics.Add(DiagnosticCatalog.UnquotedAddress(TokenScanner.At(source, text), address));
                repaired.Add(text);
                i = last;
            }
            else if (OperatorEnd(source, tokens, i) is var (end, type, keyword))
            {
                var symbol = Replace(token, tokens[end], type, null);
                diagnostics.Add(DiagnosticCatalog.OperatorSymbol(TokenScanner.At(source, symbol), symbol.Text, keyword));
                repaired.Add(symbol);
                i = end;
            }
            else
            {
                repaired.Add(token);
                continue;
            }

            untouched = i + 1;
        }

        return repaired;
    }

    /// <summary>The index of the closing curly quote on the same line, when the text between could be a quoted text.</summary>
    private static int? CurlyQuoteEnd(SourceText source, IList<IToken> tokens, int open)
    {
        if (tokens[open].Text is not ("\u201C" or "\u201D" or "\u201E"))
        {
            return null;
        }

        // The search ends at the next curly quote of any kind, so a line full of them is read once.
        for (var i = open + 1; i < tokens.Count && tokens[i].Type != CampaignLexer.NEWLINE; i++)
        {
            if (tokens[i].Type == CampaignLexer.BAD_CHARACTER && tokens[i].Text is "\u201C" or "\u201D" or "\u201E")
            {
                var inner = source.Text.AsSpan((tokens[open].StopIndex + 1)..tokens[i].StartIndex);
                return tokens[i].Text != "\u201E" && inner.IndexOfAny("\"\\\r\n") < 0 ? i : null;
            }
        }

        return null;
    }

    /// <summary>The first and last token of `name@domain.example` around an `@` at <paramref name="at"/>.</summary>
    private static (int First, int Last)? AddressBounds(IList<IToken> tokens, int at, int earliest)
    {
        if (tokens[at].Text != "@")
        {
            return null;
        }

        var first = at;
        while (first > earliest && IsAddressPart(tokens[first - 1]) && Adjacent(tokens[first - 1], tokens[first]))
        {
            first--;
        }

        var last = at;
        while (last + 1 < tokens.Count && IsAddressPart(tokens[last + 1]) && Adjacent(tokens[last], tokens[last + 1]))
        {
            last++;
        }

        return first < at && last > at && IsWord(tokens[first]) && IsWord(tokens[last]) ? (first, last) : null;
    }

    /// <summary>The last token of a run of bad characters that spells exactly `&amp;&amp;`, `||` or `!`.</summary>
    private static (int End, int Type, string Keyword)? OperatorEnd(SourceText source, IList<IToken> tokens, int start)
    {
        if (start > 0 && IsBadNeighbour(tokens[start - 1], tokens[start]))
        {
            return null;
        }

        // Symbols are at most two characters: look no further, so a long run of bad characters stays linear.
        var end = start;
        while (end - start < 2 && end + 1 < tokens.Count && IsBadNeighbour(tokens[end], tokens[end + 1]))
        {
            end++;
        }

        var symbol = source.Text[tokens[start].StartIndex..(tokens[end].StopIndex + 1)];
        return OperatorSymbols.TryGetValue(symbol, out var replacement) ? (end, replacement.Type, replacement.Keyword) : null;
    }

    private static bool IsBadNeighbour(IToken left, IToken right) =>
        left.Type == CampaignLexer.BAD_CHARACTER && right.Type == CampaignLexer.BAD_CHARACTER && Adjacent(left, right);

    private static bool IsWord(IToken token) => token.Type == CampaignLexer.IDENT || SyntaxErrorStrategy.IsKeyword(token.Type);

    private static bool IsAddressPart(IToken token) =>
        IsWord(token) || token.Type is CampaignLexer.DOT or CampaignLexer.MINUS or CampaignLexer.PLUS
            or CampaignLexer.NUMBER or CampaignLexer.DURATION;

    private static bool Adjacent(IToken left, IToken right) => left.StopIndex + 1 == right.StartIndex;

    private static CommonToken Replace(IToken first, IToken last, int type, string? text) =>
        new(Tuple.Create(first.TokenSource, first.InputStream), type, TokenConstants.DefaultChannel, first.StartIndex, last.StopIndex)
        {
            Line = first.Line,
            Column = first.Column,
            Text = text,
        };
}
