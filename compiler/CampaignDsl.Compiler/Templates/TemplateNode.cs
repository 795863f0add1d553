using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>One node of a template's block structure. Behaviour (references, SMS length) lives in the passes that walk it.</summary>
public abstract record TemplateNode(TextSpan Span);

/// <summary>Literal text; <see cref="Text"/> is what it renders as, after escapes and whitespace control.</summary>
public sealed record TextNode(TextSpan Span, string Text) : TemplateNode(Span);

/// <summary><c>{{value}}</c> (<see cref="Escaped"/>), <c>{{{value}}}</c>, or a helper call <c>{{formatDate incentive.expires_at}}</c>.</summary>
public sealed record OutputNode(TextSpan Span, TagExpression Expression, bool Escaped) : TemplateNode(Span);

/// <summary><c>{{! ... }}</c> or <c>{{!-- ... --}}</c>: renders nothing.</summary>
public sealed record CommentNode(TextSpan Span) : TemplateNode(Span);

/// <summary><c>{{&gt; footer}}</c>, or <c>{{* decorator}}</c> (<see cref="IsDecorator"/>).</summary>
public sealed record PartialNode(TextSpan Span, TagExpression Expression, bool IsDecorator) : TemplateNode(Span)
{
    /// <summary>The partial's name as written, or null when it is computed by a sub-expression.</summary>
    public string? Name => Expression.Head switch
    {
        TemplatePath path => path.Written,
        TemplateLiteral literal => literal.Text,
        _ => null,
    };
}

/// <summary><c>{{{{raw}}}}...{{{{/raw}}}}</c>: the content is output as written, tags and all.</summary>
public sealed record RawBlockNode(TextSpan Span, string Name, string Content) : TemplateNode(Span);

/// <summary>
/// <c>{{#if x}}...{{else}}...{{/if}}</c> and every other block. <see cref="Branches"/> holds the block's
/// own content first, then the <c>{{else}}</c> part if any. A chained <c>{{else if y}}</c> is, as in
/// Handlebars, an else part holding one more block (whose <see cref="OpenTag"/> is the else tag).
/// </summary>
public sealed record BlockNode(TextSpan Span, BlockKind Kind, string Name, TagExpression Expression, TextSpan OpenTag, ImmutableArray<BlockBranch> Branches)
    : TemplateNode(Span)
{
    public BlockBranch Program => Branches[0];

    public BlockBranch? Inverse => Branches.Length > 1 ? Branches[1] : null;
}

/// <summary>One part of a block: its content, or (<see cref="IsInverse"/>) the part after <c>{{else}}</c>.</summary>
public sealed record BlockBranch(TextSpan Tag, bool IsInverse, ImmutableArray<TemplateNode> Children);

public enum BlockKind
{
    /// <summary><c>{{#if x}}</c>: same context, rendered when x is truthy.</summary>
    If,

    /// <summary><c>{{#unless x}}</c>: same context, rendered when x is falsy.</summary>
    Unless,

    /// <summary><c>{{#each items}}</c>: once per item, with the item as context.</summary>
    Each,

    /// <summary><c>{{#with incentive}}</c>: with the value as context.</summary>
    With,

    /// <summary><c>{{#items}}</c> without parameters, Mustache style: a condition, a loop or a new context, depending on the value.</summary>
    Section,

    /// <summary><c>{{^items}}</c>: rendered in the same context when the value is empty.</summary>
    InvertedSection,

    /// <summary><c>{{#helper args}}</c>: a custom block helper, which decides the context itself.</summary>
    Helper,

    /// <summary><c>{{#&gt; layout}}...{{/layout}}</c>: a partial called with a block.</summary>
    PartialBlock,

    /// <summary><c>{{#*inline "name"}}...{{/inline}}</c>: a decorator block, such as an inline partial.</summary>
    Decorator,
}
