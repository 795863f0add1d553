using Antlr4.Runtime;
using CampaignDsl.Compiler.Syntax.Generated;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>How tokens are named in syntax errors: for a marketer, not in ANTLR's terms.</summary>
internal static class TokenDescriptions
{
    public const string Duration = "a duration like `5d` or `72h`";

    private static readonly int[] ExpressionStarts =
        [CampaignLexer.NUMBER, CampaignLexer.STRING, CampaignLexer.LPAREN, CampaignLexer.NOT];

    public static string DescribeExpected(IReadOnlyList<int> expected)
    {
        if (ExpressionStarts.All(expected.Contains))
        {
            return "a value or condition (a name, number, text, or `(`)";
        }

        if (expected.Contains(CampaignLexer.DURATION))
        {
            return Duration;
        }

        var described = expected.Select(DescribeType).Distinct().Take(6).ToList();
        return described.Count switch
        {
            0 => "something else",
            1 => described[0],
            _ => string.Join(", ", described[..^1]) + " or " + described[^1],
        };
    }

    public static string DescribeType(int type) => type switch
    {
        TokenConstants.EOF => "the end of the file",
        CampaignLexer.IDENT => "a name",
        CampaignLexer.STRING => "a quoted text like \"...\"",
        CampaignLexer.NUMBER => "a number",
        CampaignLexer.DURATION => Duration,
        CampaignLexer.PERCENT => "a percentage like `10%`",
        _ => "`" + Literal(type) + "`",
    };

    public static string DescribeFound(IToken token) => token.Type switch
    {
        TokenConstants.EOF => "the end of the file",
        CampaignLexer.STRING or CampaignLexer.UNTERMINATED_STRING => "the text " + Shorten(token.Text),
        _ => "`" + Shorten(token.Text) + "`",
    };

    private static string Literal(int type)
    {
        var name = CampaignLexer.DefaultVocabulary.GetLiteralName(type);
        return name is null ? CampaignLexer.DefaultVocabulary.GetDisplayName(type).ToLowerInvariant() : name.Trim('\'');
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
