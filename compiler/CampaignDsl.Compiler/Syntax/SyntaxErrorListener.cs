using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax.Generated;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>
/// The one place parser errors become diagnostics. ANTLR's own wording ("mismatched input") is
/// replaced by what was expected, after which word, and what was found instead. When the file ends
/// inside an unterminated comment, "found the end of the file" is left out: the comment's own
/// diagnostic already says what to fix.
/// </summary>
internal sealed class SyntaxErrorListener(SourceText source, DiagnosticBag diagnostics, bool endsInOpenComment) : BaseErrorListener
{
    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line,
        int charPositionInLine, string msg, RecognitionException e)
    {
        var parser = (Parser)recognizer;
        if (offendingSymbol.Type == TokenConstants.EOF && endsInOpenComment)
        {
            return;
        }

        if (SyntaxErrorStrategy.IsKeywordReadAsName(parser, offendingSymbol))
        {
            diagnostics.Add(DiagnosticCatalog.KeywordAsName(TokenScanner.At(source, offendingSymbol), offendingSymbol.Text));
            return;
        }

        var stream = (BufferedTokenStream)parser.InputStream;
        var previous = PreviousVisibleToken(stream, offendingSymbol);
        var expected = ExpectedTokens(parser, e);

        var location = offendingSymbol.Type == TokenConstants.EOF && previous is not null
            ? new SourceLocation(source, new TextSpan(previous.StopIndex + 1, 0))
            : TokenScanner.At(source, offendingSymbol);

        var expectation = parser.Context is CampaignParser.DurationValueContext
            ? TokenDescriptions.Duration
            : TokenDescriptions.DescribeExpected(expected);

        diagnostics.Add(DiagnosticCatalog.Syntax(
            location,
            expectation,
            previous is null ? null : TokenDescriptions.DescribeFound(previous),
            TokenDescriptions.DescribeFound(offendingSymbol)));
    }

    private static List<int> ExpectedTokens(Parser parser, RecognitionException? e)
    {
        IntervalSet set = e?.GetExpectedTokens() ?? parser.GetExpectedTokens();
        return set.ToList().Where(t => t != CampaignLexer.UNTERMINATED_STRING).ToList();
    }

    private static IToken? PreviousVisibleToken(BufferedTokenStream stream, IToken token)
    {
        var index = token.TokenIndex < 0 ? stream.Index : token.TokenIndex;
        for (var i = index - 1; i >= 0; i--)
        {
            var candidate = stream.Get(i);
            if (candidate.Channel == TokenConstants.DefaultChannel)
            {
                return candidate;
            }
        }

        return null;
    }
}
