using Antlr4.Runtime;
using CampaignDsl.Compiler.Syntax.Generated;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>How tokens are named in syntax errors: for a marketer, not in ANTLR's terms.</summary>
internal static class TokenDescriptions
{
    public const string Duration = "a duration like `5d` or `72h`";

    private static readonly int[] ValueStarts = [CampaignLexer.NUMBER, CampaignLexer.STRING, CampaignLexer.LPAREN];

    private static readonly int[] LiteralStarts = [CampaignLexer.NUMBER, CampaignLexer.STRING, CampaignLexer.DURATION];

    private static readonly int[] Operators =
    [
        CampaignLexer.AND, CampaignLexer.OR, CampaignLexer.NOT, CampaignLexer.BETWEEN, CampaignLexer.IN,
        CampaignLexer.EQ, CampaignLexer.ASSIGN, CampaignLexer.NEQ, CampaignLexer.LT, CampaignLexer.LE, CampaignLexer.GT,
        CampaignLexer.GE, CampaignLexer.PLUS, CampaignLexer.MINUS, CampaignLexer.STAR, CampaignLexer.SLASH,
    ];

    // The keywords the parser's `identifier` rule also accepts as names.
    private static readonly int[] NameKeywords =
    [
        CampaignLexer.FROM, CampaignLexer.SUBJECT, CampaignLexer.WEIGHT, CampaignLexer.AFTER,
        .. Enumerable.Range(CampaignLexer.IMPORT, CampaignLexer.FINALLY - CampaignLexer.IMPORT + 1),
    ];

    // Constructs with many possible first words are named as one phrase, so the list stays short.
    private static readonly (int[] Starts, string Phrase)[] Groups =
    [
        ([CampaignLexer.SEND, CampaignLexer.WHEN, CampaignLexer.UNLESS, CampaignLexer.FOR, CampaignLexer.OTHERWISE, CampaignLexer.ON],
            "a stage item such as `send` or `when`"),
        ([CampaignLexer.SUBJECT, CampaignLexer.FROM, CampaignLexer.PREHEADER, CampaignLexer.BODY, CampaignLexer.INCENTIVE],
            "a message option such as `subject`"),
        ([CampaignLexer.CAP, CampaignLexer.GOAL, CampaignLexer.EXIT, CampaignLexer.THEN, CampaignLexer.FINALLY],
            "a policy such as `cap`, `goal` or `send_window`"),
        ([CampaignLexer.WHERE, CampaignLexer.ENTRY, CampaignLexer.REENTRY], "`where`, `entry` or `reentry`"),
    ];

    // Closing brackets and separators are what a writer most often left out: never cut from the list.
    private static readonly int[] Closers = [CampaignLexer.RBRACE, CampaignLexer.RBRACK, CampaignLexer.RPAREN, CampaignLexer.COMMA];

    public static string DescribeExpected(IReadOnlyList<int> expected)
    {
        if (ValueStarts.All(expected.Contains))
        {
            return expected.Contains(CampaignLexer.NOT)
                ? "a value or condition (a name, number, text, or `(`)"
                : "a value (a name, number, text, or `(`)";
        }

        // A setting's value: `type winback`, `owner "..."`, `tags [...]`.
        if (LiteralStarts.All(expected.Contains))
        {
            return "a value (a name, a quoted text, a number or a list)";
        }

        if (expected.Contains(CampaignLexer.DURATION))
        {
            return Duration;
        }

        // Where a name may stand, `from` or `weight` are names too: "a name" covers them, and listing
        // them would crowd out what was really expected (such as `}`).
        // After a value, every operator could follow; one phrase for them leaves room for the
        // separators and closers (`,`, `]`, `}`) that were more likely meant.
        var names = expected.Contains(CampaignLexer.IDENT) && NameKeywords.All(expected.Contains);
        var operators = expected.Count(Operators.Contains) > 1;
        var groups = names ? [] : Groups.Where(g => g.Starts.Count(expected.Contains) >= 3).ToList();
        var grouped = groups.SelectMany(g => g.Starts).ToHashSet();
        var closers = expected.Where(Closers.Contains).Select(DescribeType).ToList();
        var described = closers.Concat(groups.Select(g => g.Phrase))
            .Concat(expected
                .Where(t => !grouped.Contains(t) && !Closers.Contains(t))
                .Where(t => !(names && NameKeywords.Contains(t)) && !(operators && Operators.Contains(t)))
                .Select(DescribeType))
            .Append(operators ? "an operator such as `and` or `>`" : null)
            .OfType<string>()
            .Distinct()
            .Take(6)
            .ToList();
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
        CampaignLexer.MONEY => "an amount like `EUR 10`",
        CampaignLexer.DATE => "a date like `2026-12-31`",
        CampaignLexer.TIME => "a time of day like `09:30`",
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
