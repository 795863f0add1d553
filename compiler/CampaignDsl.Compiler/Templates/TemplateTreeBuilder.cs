using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Builds the block structure from the scanner's tokens: matches <c>{{#x}}</c> with <c>{{/x}}</c>,
/// attaches <c>{{else}}</c> and chained <c>{{else if y}}</c> parts, and reports blocks that are never
/// closed, closed with the wrong name, or closed twice. A wrongly named close still closes the
/// innermost block, so one slip gives one error.
/// </summary>
internal sealed class TemplateTreeBuilder(SourceText source, List<TemplateSyntaxError> errors)
{
    private readonly List<TemplateNode> _root = [];
    private readonly Stack<Frame> _open = new();
    private TagToken? _rawOpen;
    private TextToken? _rawContent;

    private List<TemplateNode> Current => _open.Count == 0 ? _root : _open.Peek().Current;

    public ImmutableArray<TemplateNode> Build(IEnumerable<TemplateToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (_rawOpen is not null && token is TextToken raw)
            {
                _rawContent = raw;
                continue;
            }

            switch (token)
            {
                case TextToken text when text.Text.Length > 0:
                    Current.Add(new TextNode(text.Span, text.Text));
                    break;
                case TagToken tag:
                    Add(tag);
                    break;
            }
        }

        FinishRawBlock(null);
        while (_open.Count > 0)
        {
            var frame = _open.Peek();
            if (!frame.Chained)
            {
                errors.Add(new TemplateSyntaxError(frame.OpenTag, TemplateSyntaxMessages.NeverClosed(frame.Name)));
            }

            CloseTop(null);
        }

        return [.. _root];
    }

    private void Add(TagToken tag)
    {
        switch (tag.Kind)
        {
            case TagKind.Output or TagKind.UnescapedOutput:
                var output = Parse(tag);
                if (output.Head is null)
                {
                    errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.EmptyTag));
                }

                Current.Add(new OutputNode(tag.Span, output, tag.Kind == TagKind.Output));
                break;
            case TagKind.Comment:
                Current.Add(new CommentNode(tag.Span));
                break;
            case TagKind.Partial or TagKind.Decorator:
                var partial = Parse(tag);
                if (partial.Head is null)
                {
                    errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.EmptyTag));
                }

                Current.Add(new PartialNode(tag.Span, partial, tag.Kind == TagKind.Decorator));
                break;
            case TagKind.BlockOpen or TagKind.InvertedBlockOpen or TagKind.PartialBlockOpen or TagKind.DecoratorBlockOpen:
                Open(tag, Parse(tag), chained: false);
                break;
            case TagKind.Else:
                AddElse(tag);
                break;
            case TagKind.BlockClose:
                Close(tag);
                break;
            case TagKind.RawBlockOpen:
                _rawOpen = tag;
                break;
            case TagKind.RawBlockClose:
                FinishRawBlock(tag);
                break;
        }
    }

    private void Open(TagToken tag, TagExpression expression, bool chained)
    {
        var name = expression.HeadName ?? "";
        var kind = KindOf(tag.Kind, name, expression);
        if (expression.Head is not TemplatePath)
        {
            errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.BlockWithoutName));
        }
        else if (kind is BlockKind.If or BlockKind.Unless or BlockKind.Each or BlockKind.With && expression.Parameters.Length != 1)
        {
            errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.ArgumentCount(name)));
        }

        _open.Push(new Frame(tag.Span, kind, name, expression, chained));
    }

    private static BlockKind KindOf(TagKind tag, string name, TagExpression expression) => tag switch
    {
        TagKind.InvertedBlockOpen => BlockKind.InvertedSection,
        TagKind.PartialBlockOpen => BlockKind.PartialBlock,
        TagKind.DecoratorBlockOpen => BlockKind.Decorator,
        _ => name switch
        {
            "if" => BlockKind.If,
            "unless" => BlockKind.Unless,
            "each" => BlockKind.Each,
            "with" => BlockKind.With,
            _ => expression.IsHelperCall ? BlockKind.Helper : BlockKind.Section,
        },
    };

    private void AddElse(TagToken tag)
    {
        if (_open.Count == 0)
        {
            errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.ElseOutsideBlock));
            return;
        }

        var frame = _open.Peek();
        if (frame.HasInverse)
        {
            errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.SecondElse(source.GetPosition(frame.InverseTag.Start).Line)));
            return;
        }

        frame.StartInverse(tag.Span);
        var chained = Parse(tag);
        if (chained.Head is not null)
        {
            // `{{else if y}}` is `{{else}}{{#if y}}`, closed by the outer block's close tag.
            Open(tag, chained, chained: true);
        }
    }

    private void Close(TagToken tag)
    {
        var name = source.Text.Substring(tag.Content.Start, tag.Content.Length).Trim();
        var owner = _open.FirstOrDefault(f => !f.Chained);
        if (owner is null)
        {
            errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.CloseWithoutOpen(name)));
            return;
        }

        var match = _open.FirstOrDefault(f => !f.Chained && f.Name == name);
        if (match is null)
        {
            errors.Add(new TemplateSyntaxError(tag.Span, TemplateSyntaxMessages.CloseMismatch(name, owner.Name, source.GetPosition(owner.OpenTag.Start).Line)));
            match = owner;
        }

        // Blocks opened inside the one this tag closes were never closed themselves.
        while (_open.Peek() != match)
        {
            // A chained `{{else if}}` block ends where the block it continues ends.
            var inner = _open.Peek();
            if (!inner.Chained)
            {
                errors.Add(new TemplateSyntaxError(inner.OpenTag, TemplateSyntaxMessages.NeverClosed(inner.Name)));
            }

            CloseTop(inner.Chained ? tag.Span : null);
        }

        CloseTop(tag.Span);
    }

    private void CloseTop(TextSpan? closeTag)
    {
        var frame = _open.Pop();
        var end = closeTag?.End ?? frame.LastEnd;
        Current.Add(new BlockNode(TextSpan.FromBounds(frame.OpenTag.Start, end), frame.Kind, frame.Name, frame.Expression, frame.OpenTag, frame.ToBranches()));
    }

    private void FinishRawBlock(TagToken? close)
    {
        if (_rawOpen is not { } open)
        {
            return;
        }

        var content = _rawContent?.Text ?? "";
        var end = close?.Span.End ?? _rawContent?.Span.End ?? open.Span.End;
        var name = source.Text.Substring(open.Content.Start, open.Content.Length).Trim().Split(' ')[0];
        Current.Add(new RawBlockNode(TextSpan.FromBounds(open.Span.Start, end), name, content));
        (_rawOpen, _rawContent) = (null, null);
    }

    private TagExpression Parse(TagToken tag) => HandlebarsExpressionParser.Parse(source.Text, tag.Content, errors);

    /// <summary>A block being read: its parts so far.</summary>
    private sealed class Frame(TextSpan openTag, BlockKind kind, string name, TagExpression expression, bool chained)
    {
        private readonly List<(TextSpan Tag, bool IsInverse, List<TemplateNode> Children)> _branches = [(openTag, false, [])];

        public TextSpan OpenTag => openTag;

        public BlockKind Kind => kind;

        public string Name => name;

        public TagExpression Expression => expression;

        /// <summary>Opened by a chained <c>{{else if}}</c>: it closes together with the block it continues.</summary>
        public bool Chained => chained;

        public bool HasInverse => _branches.Count > 1;

        public TextSpan InverseTag => _branches[^1].Tag;

        public List<TemplateNode> Current => _branches[^1].Children;

        public int LastEnd => _branches.SelectMany(b => b.Children).Select(c => c.Span.End).DefaultIfEmpty(openTag.End).Max();

        public void StartInverse(TextSpan tag) => _branches.Add((tag, true, []));

        public ImmutableArray<BlockBranch> ToBranches() => [.. _branches.Select(b => new BlockBranch(b.Tag, b.IsInverse, [.. b.Children]))];
    }
}
