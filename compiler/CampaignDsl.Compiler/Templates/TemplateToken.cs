using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>A piece of a template as the scanner cuts it: literal text, or one <c>{{...}}</c> tag.</summary>
internal abstract record TemplateToken(TextSpan Span);

/// <summary>
/// Literal text. <see cref="Text"/> is what it renders as: the backslash of an escaped <c>\{{</c> is
/// dropped, and whitespace control (<c>~</c>, standalone block lines) may trim it later.
/// </summary>
internal sealed record TextToken(TextSpan Span, string Text) : TemplateToken(Span);

/// <summary>
/// One tag. <see cref="Content"/> is the expression inside, without the braces, the sigil
/// (<c>#</c>, <c>/</c>, <c>&gt;</c>, ...) and the <c>~</c> marks, which <see cref="StripBefore"/> and
/// <see cref="StripAfter"/> record.
/// </summary>
internal sealed record TagToken(TagKind Kind, TextSpan Span, TextSpan Content, bool StripBefore, bool StripAfter) : TemplateToken(Span);

internal enum TagKind
{
    /// <summary><c>{{name}}</c>: HTML-escaped output.</summary>
    Output,

    /// <summary><c>{{{name}}}</c> or <c>{{&amp; name}}</c>: output without escaping.</summary>
    UnescapedOutput,

    /// <summary><c>{{#name ...}}</c>.</summary>
    BlockOpen,

    /// <summary><c>{{^name}}</c>: an inverted section, rendered when the value is empty.</summary>
    InvertedBlockOpen,

    /// <summary><c>{{/name}}</c>.</summary>
    BlockClose,

    /// <summary><c>{{else}}</c>, <c>{{^}}</c>, or a chained <c>{{else if x}}</c> (then <see cref="TagToken.Content"/> holds <c>if x</c>).</summary>
    Else,

    /// <summary><c>{{&gt; name}}</c>.</summary>
    Partial,

    /// <summary><c>{{#&gt; layout}}...{{/layout}}</c>: a partial with a block passed to it.</summary>
    PartialBlockOpen,

    /// <summary><c>{{#*inline "name"}}...{{/inline}}</c>: a decorator block, such as an inline partial.</summary>
    DecoratorBlockOpen,

    /// <summary><c>{{* decorator}}</c>.</summary>
    Decorator,

    /// <summary><c>{{! ... }}</c> or <c>{{!-- ... --}}</c>.</summary>
    Comment,

    /// <summary><c>{{{{raw}}}}</c>: what follows, up to <c>{{{{/raw}}}}</c>, is literal text.</summary>
    RawBlockOpen,

    /// <summary><c>{{{{/raw}}}}</c>.</summary>
    RawBlockClose,
}
