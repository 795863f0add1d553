using Antlr4.Runtime;
using CampaignDsl.Compiler.Syntax.Generated;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>
/// ANTLR's default recovery, adjusted so that one mistake gives one diagnostic and the lines after
/// it are still read as what they are:
/// <list type="bullet">
/// <item>A keyword or brace is never dropped as "extraneous". When a value is missing, as in
/// <c>owner</c> followed by <c>stage hello {</c>, dropping <c>stage</c> would read <c>hello</c> as the
/// value and report every line after it; keeping it reports the missing value and goes on with the stage.</item>
/// <item>A stray token with a fitting one behind it (<c>weight 50, subject "B"</c>) is dropped, also
/// where ANTLR does not look because what fits lies beyond the current rule.</item>
/// <item>A declaration whose header goes wrong before its <c>{</c> (<c>stage hello after 5d to 7d {</c>,
/// <c>stage hello</c> without a brace) skips to the <c>{</c> on the same line, or takes a missing one as
/// written, and reads the block; ANTLR would give up on the declaration and read its body as settings.</item>
/// <item>A keyword written where a name belongs (<c>stage last { ... }</c>) is reported once and then
/// taken as the name.</item>
/// </list>
/// </summary>
internal sealed class SyntaxErrorStrategy : DefaultErrorStrategy
{
    /// <summary>Keywords that can only be a slip for a name; the others start a construct of their own.</summary>
    private static readonly int[] KeywordsReadAsNames =
    [
        CampaignLexer.AND, CampaignLexer.OR, CampaignLexer.NOT, CampaignLexer.BETWEEN, CampaignLexer.IN,
        CampaignLexer.LAST, CampaignLexer.TRUE, CampaignLexer.FALSE,
    ];

    // The error found where the parser went on towards a `{`, reported if the `{` is not there:
    // it knows what else could have stood there (`..`, `from`), the later mismatch only knows `{`.
    private InputMismatchException? _beforeBrace;

    public static bool IsKeyword(int tokenType) => tokenType is >= CampaignLexer.CAMPAIGN and <= CampaignLexer.FINALLY;

    public static bool IsKeywordReadAsName(Parser parser, IToken token) =>
        parser.Context is CampaignParser.IdentifierContext && KeywordsReadAsNames.Contains(token.Type);

    public override void Sync(Parser recognizer)
    {
        var next = recognizer.InputStream.LA(1);
        if (InErrorRecoveryMode(recognizer) || recognizer.Atn.NextTokens(recognizer.Atn.states[recognizer.State]).Contains(next))
        {
            return;
        }

        var expected = recognizer.GetExpectedTokens();
        if (expected.Contains(next) || (expected.Contains(recognizer.InputStream.LA(2)) && SingleTokenDeletion(recognizer) is not null))
        {
            return;
        }

        if (expected.Contains(CampaignLexer.LBRACE))
        {
            // Go on to the `{`; RecoverInline reports the first such error there if it is needed.
            if (_beforeBrace?.OffendingToken != recognizer.CurrentToken)
            {
                _beforeBrace = new InputMismatchException(recognizer);
            }

            return;
        }

        base.Sync(recognizer);
    }

    public override IToken RecoverInline(Parser recognizer)
    {
        var token = recognizer.CurrentToken;
        if (IsKeywordReadAsName(recognizer, token))
        {
            ReportError(recognizer, new InputMismatchException(recognizer));
            EndErrorCondition(recognizer);
            recognizer.Consume();
            return token;
        }

        var earlier = _beforeBrace?.OffendingToken == token ? _beforeBrace : null;
        _beforeBrace = null;
        if (recognizer.GetExpectedTokens().Contains(CampaignLexer.LBRACE) && BraceLaterOnLine(recognizer))
        {
            ReportError(recognizer, earlier ?? new InputMismatchException(recognizer));
            while (recognizer.InputStream.LA(1) != CampaignLexer.LBRACE)
            {
                recognizer.Consume();
            }

            EndErrorCondition(recognizer);
            var brace = recognizer.CurrentToken;
            recognizer.Consume();
            return brace;
        }

        return base.RecoverInline(recognizer);
    }

    protected override IToken? SingleTokenDeletion(Parser recognizer)
    {
        var next = recognizer.CurrentToken.Type;
        return IsKeyword(next) || next is CampaignLexer.LBRACE or CampaignLexer.RBRACE
            ? null
            : base.SingleTokenDeletion(recognizer);
    }

    private static bool BraceLaterOnLine(Parser recognizer)
    {
        var stream = (ITokenStream)recognizer.InputStream;
        var line = stream.LT(1).Line;
        for (var k = 2; stream.LT(k) is { Type: not TokenConstants.EOF } token && token.Line == line; k++)
        {
            if (token.Type is CampaignLexer.LBRACE or CampaignLexer.RBRACE)
            {
                return token.Type == CampaignLexer.LBRACE;
            }
        }

        return false;
    }
}
