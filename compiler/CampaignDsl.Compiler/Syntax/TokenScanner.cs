using Antlr4.Runtime;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax.Generated;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>
/// Lexes a source and repairs what the lexer flagged before the parser sees it: common slips are
/// repaired (<see cref="TokenRepairs"/>), other bad characters are reported and dropped, an
/// unterminated text is reported and parsed as if closed, and nesting deeper than the parser can
/// safely recurse is refused.
/// </summary>
internal static class TokenScanner
{
    /// <summary>Deepest nesting of brackets, braces and prefix operators that is parsed.</summary>
    public const int MaxNesting = 100;

    public static (IList<IToken> Tokens, bool TooDeep) Scan(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new BlockCommentLexer(source.Text);
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(new LexerErrorListener(source, diagnostics));
        var tokens = TokenRepairs.Apply(source, lexer.GetAllTokens(), diagnostics);

        var depth = 0;
        var prefixRun = 0;
        var tooDeep = false;
        IToken? badRunStart = null;
        IToken? badRunEnd = null;

        foreach (var token in tokens)
        {
            if (token.Type == CampaignLexer.BAD_CHARACTER)
            {
                ((CommonToken)token).Channel = TokenConstants.HiddenChannel;
                if (badRunEnd is not null && badRunEnd.StopIndex + 1 == token.StartIndex)
                {
                    badRunEnd = token;
                }
                else
                {
                    ReportBadRun(source, diagnostics, badRunStart, badRunEnd);
                    badRunStart = badRunEnd = token;
                }

                continue;
            }

            switch (token.Type)
            {
                case CampaignLexer.UNTERMINATED_STRING:
                    diagnostics.Add(DiagnosticCatalog.OpenString(At(source, token)));
                    ((CommonToken)token).Type = CampaignLexer.STRING;
                    break;
                case CampaignLexer.UNTERMINATED_BLOCK_COMMENT:
                    diagnostics.Add(DiagnosticCatalog.OpenComment(new SourceLocation(source, new TextSpan(token.StartIndex, 2))));
                    break;
            }

            if (token.Channel != TokenConstants.DefaultChannel || tooDeep)
            {
                continue;
            }

            switch (token.Type)
            {
                case CampaignLexer.LPAREN or CampaignLexer.LBRACK or CampaignLexer.LBRACE:
                    depth++;
                    break;
                case CampaignLexer.RPAREN or CampaignLexer.RBRACK or CampaignLexer.RBRACE:
                    depth = Math.Max(0, depth - 1);
                    break;
            }

            prefixRun = token.Type is CampaignLexer.NOT or CampaignLexer.MINUS ? prefixRun + 1 : 0;
            if (depth + prefixRun > MaxNesting)
            {
                diagnostics.Add(DiagnosticCatalog.TooDeep(At(source, token), MaxNesting));
                tooDeep = true;
            }
        }

        ReportBadRun(source, diagnostics, badRunStart, badRunEnd);
        return (tokens, tooDeep);
    }

    public static SourceLocation At(SourceText source, IToken token) =>
        new(source, TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1));

    private static void ReportBadRun(SourceText source, DiagnosticBag diagnostics, IToken? start, IToken? end)
    {
        if (start is null || end is null)
        {
            return;
        }

        var span = TextSpan.FromBounds(start.StartIndex, end.StopIndex + 1);
        diagnostics.Add(DiagnosticCatalog.BadCharacter(new SourceLocation(source, span), source.Text.Substring(span.Start, span.Length)));
    }

    /// <summary>
    /// Reads closed block comments itself. `/* ... */` and `/* ...` up to the end of the file both
    /// start with `/*`, and ANTLR's lexer takes the longest match, so it would read every block
    /// comment that has text after it as one unterminated comment swallowing the rest of the file.
    /// Only a comment without a `*/` is left to the grammar's UNTERMINATED_BLOCK_COMMENT.
    /// </summary>
    private sealed class BlockCommentLexer(string text) : CampaignLexer(new AntlrInputStream(text))
    {
        public override IToken NextToken()
        {
            var start = InputStream.Index;
            if (InputStream.LA(1) != '/' || InputStream.LA(2) != '*'
                || text.IndexOf("*/", start + 2, StringComparison.Ordinal) is not (>= 0 and var close))
            {
                return base.NextToken();
            }

            var end = close + 2;
            var comment = new CommonToken(Tuple.Create<ITokenSource, ICharStream>(this, (ICharStream)InputStream),
                BLOCK_COMMENT, TokenConstants.HiddenChannel, start, end - 1) { Line = Line, Column = Column };
            InputStream.Seek(end);

            // Keep the lexer's line and column as its own scanning would (it counts `\n` only).
            var body = text.AsSpan(start, end - start);
            var lastBreak = body.LastIndexOf('\n');
            Line += body.Count('\n');
            Column = lastBreak < 0 ? Column + body.Length : body.Length - lastBreak - 1;
            return comment;
        }
    }

    private sealed class LexerErrorListener(SourceText source, DiagnosticBag diagnostics) : IAntlrErrorListener<int>
    {
        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine,
            string msg, RecognitionException e)
        {
            var offset = source.GetOffset(line, charPositionInLine + 1);
            var location = new SourceLocation(source, new TextSpan(offset, offset < source.Text.Length ? 1 : 0));
            var character = offset < source.Text.Length ? source.Text.Substring(offset, 1) : "end of file";
            diagnostics.Add(DiagnosticCatalog.BadCharacter(location, character));
        }
    }
}
