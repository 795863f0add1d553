using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using static CampaignDsl.Compiler.Syntax.Generated.CampaignParser;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>
/// Lays out expressions and the one-line parts of declarations: one space between tokens except around
/// <c>.</c> and <c>..</c>, inside brackets and parentheses, before commas, after a prefix minus and before a
/// call's parenthesis. An <c>and</c>/<c>or</c> chain that does not fit on its line breaks before each operator,
/// indented by <see cref="TokenEmitter.ContinuationIndent"/> (a chain inside it one step further); a list that
/// does not fit puts each element on a line of its own.
/// </summary>
internal sealed class ExpressionLayout(TokenEmitter emitter)
{
    private const int ListIndent = 2;

    public LayoutDoc Layout(IParseTree tree, Func<IParseTree, LayoutDoc> node) => tree switch
    {
        ITerminalNode terminal => emitter.Token(terminal.Symbol, CanonicalText(terminal)),
        OrExpressionContext orChain when orChain.andExpression().Length > 1 => Chain(orChain, node),
        AndExpressionContext andChain when andChain.notExpression().Length > 1 => Chain(andChain, node),
        ListLiteralContext list => List(list, node),
        // `last (purchase)` is `last purchase`.
        LastEventContext last when last.LPAREN() is { } open => LayoutDoc.Concat(
            emitter.Token(last.LAST().Symbol), LayoutDoc.Space, emitter.Skip(open.Symbol), node(last.path()), emitter.Skip(last.RPAREN().Symbol)),
        ParserRuleContext rule => Join([.. Enumerable.Range(0, rule.ChildCount).Select(rule.GetChild)], node),
        _ => LayoutDoc.Empty,
    };

    /// <summary>Children one after another, with the canonical spacing between them.</summary>
    public static LayoutDoc Join(IReadOnlyList<IParseTree> children, Func<IParseTree, LayoutDoc> node)
    {
        var parts = new List<LayoutDoc>();
        ITerminalNode? previous = null;
        foreach (var child in children)
        {
            var first = FirstTerminal(child);
            if (first is null)
            {
                continue;
            }

            if (previous is not null && SpaceBetween(previous, first))
            {
                parts.Add(LayoutDoc.Space);
            }

            parts.Add(node(child));
            previous = LastTerminal(child);
        }

        return LayoutDoc.Concat(parts);
    }

    /// <summary><c>a and b and c</c>: flat when it fits, else a line per operand, each after the first starting with its operator.</summary>
    private static LayoutDoc Chain(ParserRuleContext chain, Func<IParseTree, LayoutDoc> node)
    {
        var first = LayoutDoc.Nest(TokenEmitter.ContinuationIndent, node(chain.GetChild(0)));
        var rest = new List<LayoutDoc>();
        for (var i = 1; i + 1 < chain.ChildCount; i += 2)
        {
            rest.Add(LayoutDoc.Line);
            rest.Add(node(chain.GetChild(i)));
            rest.Add(LayoutDoc.Space);
            rest.Add(node(chain.GetChild(i + 1)));
        }

        return LayoutDoc.Group(LayoutDoc.Concat(first, LayoutDoc.Nest(TokenEmitter.ContinuationIndent, LayoutDoc.Concat(rest))));
    }

    /// <summary><c>["NL", "BE"]</c>: a trailing comma is dropped.</summary>
    private LayoutDoc List(ListLiteralContext list, Func<IParseTree, LayoutDoc> node)
    {
        var open = emitter.Token(list.LBRACK().Symbol);
        var inner = new List<LayoutDoc>();
        var elements = 0;
        for (var i = 1; i < list.ChildCount - 1; i++)
        {
            var child = list.GetChild(i);
            if (child is ITerminalNode comma)
            {
                var trailing = i + 1 == list.ChildCount - 1;
                inner.Add(trailing ? emitter.Skip(comma.Symbol) : emitter.Token(comma.Symbol));
                continue;
            }

            inner.Add(elements++ == 0 ? LayoutDoc.SoftLine : LayoutDoc.Line);
            inner.Add(node(child));
        }

        var close = emitter.Token(list.RBRACK().Symbol);
        return elements == 0
            ? LayoutDoc.Concat(open, LayoutDoc.Concat(inner), close)
            : LayoutDoc.Group(LayoutDoc.Concat(open, LayoutDoc.Nest(ListIndent, LayoutDoc.Concat(inner)), LayoutDoc.SoftLine, close));
    }

    private static bool SpaceBetween(ITerminalNode previous, ITerminalNode next)
    {
        var before = previous.Symbol.Type;
        var after = next.Symbol.Type;
        return !(after is COMMA or RPAREN or RBRACK or DOT or RANGE
            || before is LPAREN or LBRACK or DOT or RANGE
            || (after == LPAREN && next.Parent is CallContext)
            || (before == MINUS && previous.Parent is UnaryContext or DurationValueContext));
    }

    /// <summary>The text a token is printed as: its own, except for the obvious forms normalised (see docs/language.md, "Formatting").</summary>
    private static string CanonicalText(ITerminalNode terminal)
    {
        var text = terminal.Symbol.Text;
        switch (terminal.Symbol.Type)
        {
            case MONEY:
                // `EUR   10` is `EUR 10`; `€ 10` is `€10`.
                return char.IsAsciiLetter(text[0])
                    ? text[..3] + " " + text[3..].TrimStart(' ', '\t')
                    : text[..1] + text[1..].TrimStart(' ', '\t');
            case TIME when text.IndexOf(':', StringComparison.Ordinal) == 1:
                return "0" + text;
            case ASSIGN when terminal.Parent is ComparisonOperatorContext:
                return "==";
            default:
                return text;
        }
    }

    private static ITerminalNode? FirstTerminal(IParseTree tree) => tree switch
    {
        ITerminalNode terminal => terminal,
        _ => Enumerable.Range(0, tree.ChildCount).Select(i => FirstTerminal(tree.GetChild(i))).FirstOrDefault(t => t is not null),
    };

    private static ITerminalNode? LastTerminal(IParseTree tree) => tree switch
    {
        ITerminalNode terminal => terminal,
        _ => Enumerable.Range(0, tree.ChildCount).Reverse().Select(i => LastTerminal(tree.GetChild(i))).FirstOrDefault(t => t is not null),
    };
}
