using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using static CampaignDsl.Compiler.Syntax.Generated.CampaignParser;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>
/// Lays out a parse tree in the canonical style (docs/language.md, "Formatting"). It walks the parse tree rather
/// than the AST because the AST keeps meaning, not writing: it has no comments, no braces around message options,
/// no trailing commas. Every token goes through <see cref="TokenEmitter"/> in order, which carries the comments.
/// Declarations and blocks are laid out here; expressions and the spacing between tokens in <see cref="ExpressionLayout"/>.
/// </summary>
internal sealed class LayoutBuilder(TokenEmitter emitter)
{
    public const int BlockIndent = 2;

    private readonly ExpressionLayout _expressions = new(emitter);

    public LayoutDoc File(CampaignFileContext file)
    {
        var items = file.fileItem();
        var parts = new List<LayoutDoc>();
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                parts.Add(TopLevelSeparator(items[i - 1], items[i]));
            }

            parts.Add(Item(items[i]));
        }

        var (comments, end) = emitter.Closing(file.Eof().Symbol, items.Length > 0, 0);
        parts.Add(comments);
        parts.Add(end);
        emitter.Finish();
        return LayoutDoc.Concat(parts);
    }

    /// <summary>Any node: blocks and sends here, everything else (headers, expressions, settings) by <see cref="ExpressionLayout"/>.</summary>
    public LayoutDoc Node(IParseTree tree) => tree switch
    {
        SendActionContext send => Send(send),
        ParserRuleContext rule when rule.GetToken(LBRACE, 0) is not null => BlockConstruct(rule),
        ParserRuleContext rule when rule.ChildCount == 1 && rule.GetChild(0) is ParserRuleContext only => Node(only),
        _ => _expressions.Layout(tree, Node),
    };

    private LayoutDoc Item(ParserRuleContext item)
    {
        emitter.MarkStatementEnd(item.Stop);
        return Node(item);
    }

    /// <summary><c>header { items }</c>: the header on one line, each item on a line of its own, the brace closing on its own line.</summary>
    private LayoutDoc BlockConstruct(ParserRuleContext rule)
    {
        var children = Children(rule);
        var open = children.FindIndex(c => c is ITerminalNode { Symbol.Type: LBRACE });
        var header = ExpressionLayout.Join(children[..open], Node);
        return LayoutDoc.Concat(header, LayoutDoc.Space, Block(rule, children[open..]));
    }

    /// <summary><c>send email "x.hbs" subject "..." preheader "..." { options }</c>: the options after the template on its line while they fit, else one per line.</summary>
    private LayoutDoc Send(SendActionContext send)
    {
        var children = Children(send);
        var firstOption = children.FindIndex(c => c is MessageOptionContext or ITerminalNode { Symbol.Type: LBRACE });
        if (firstOption < 0)
        {
            return ExpressionLayout.Join(children, Node);
        }

        var header = ExpressionLayout.Join(children[..firstOption], Node);
        var open = children.FindIndex(c => c is ITerminalNode { Symbol.Type: LBRACE });
        var inline = children[firstOption..(open < 0 ? children.Count : open)];
        var parts = new List<LayoutDoc> { header };
        if (inline.Count > 0)
        {
            var options = inline.SelectMany(option => new[] { LayoutDoc.Line, Node(option) });
            parts.Add(LayoutDoc.Group(LayoutDoc.Nest(TokenEmitter.ContinuationIndent, LayoutDoc.Concat(options))));
        }

        if (open >= 0)
        {
            parts.Add(LayoutDoc.Space);
            parts.Add(Block(send, children[open..]));
        }

        return LayoutDoc.Concat(parts);
    }

    /// <summary><paramref name="braced"/> runs from <c>{</c> to <c>}</c>; an empty block without comments is <c>{}</c>.</summary>
    private LayoutDoc Block(ParserRuleContext owner, List<IParseTree> braced)
    {
        var open = ((ITerminalNode)braced[0]).Symbol;
        var close = ((ITerminalNode)braced[^1]).Symbol;
        var items = braced[1..^1].OfType<ParserRuleContext>().ToList();
        var openDoc = emitter.Token(open);
        if (items.Count == 0 && !emitter.HasComments(close) && emitter.TriviaOf(open).Trailing.All(c => !c.IsLineComment && !c.Text.Contains('\n', StringComparison.Ordinal)))
        {
            // `{}`, or `{ /* nothing yet */ }`
            var inline = emitter.HasComments(open) ? LayoutDoc.Space : LayoutDoc.Empty;
            return LayoutDoc.Concat(openDoc, inline, emitter.Token(close));
        }

        var body = new List<LayoutDoc> { LayoutDoc.HardLine };
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body.Add(ItemSeparator(owner, items[i - 1], items[i]));
            }

            body.Add(Item(items[i]));
        }

        var (comments, closeDoc) = emitter.Closing(close, items.Count > 0, BlockIndent);
        return LayoutDoc.Concat(openDoc, LayoutDoc.Nest(BlockIndent, LayoutDoc.Concat(body)), comments, LayoutDoc.HardLine, closeDoc);
    }

    /// <summary>Top-level declarations are a blank line apart; imports in a row stay together unless written apart.</summary>
    private LayoutDoc TopLevelSeparator(FileItemContext previous, FileItemContext next) =>
        (previous.importDecl() is not null && next.importDecl() is not null && !emitter.TriviaOf(next.Start).BlankLineBefore)
            ? LayoutDoc.HardLine
            : LayoutDoc.BlankLine;

    /// <summary>
    /// In a campaign, a block (audience, policy, incentive, stage) is a blank line apart from its neighbours; elsewhere,
    /// and between one-line items, one blank line is kept where the author left one or more.
    /// </summary>
    private LayoutDoc ItemSeparator(ParserRuleContext owner, ParserRuleContext previous, ParserRuleContext next)
    {
        var blocksApart = owner is CampaignDeclContext && (IsBlock(previous) || IsBlock(next));
        return blocksApart || emitter.TriviaOf(next.Start).BlankLineBefore ? LayoutDoc.BlankLine : LayoutDoc.HardLine;
    }

    private static bool IsBlock(ParserRuleContext item)
    {
        while (item.ChildCount == 1 && item.GetChild(0) is ParserRuleContext only)
        {
            item = only;
        }

        return item.GetToken(LBRACE, 0) is not null;
    }

    private static List<IParseTree> Children(ParserRuleContext rule) =>
        [.. Enumerable.Range(0, rule.ChildCount).Select(rule.GetChild)];
}
