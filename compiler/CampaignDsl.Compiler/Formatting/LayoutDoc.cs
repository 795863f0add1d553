using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>
/// The layout of formatted source before it is fitted to the line width, in the style of Wadler's
/// "prettier printer": text, line breaks that a <see cref="GroupDoc"/> may lay out flat, indentation
/// and trailing comments held until the end of the line. Built by <see cref="LayoutBuilder"/>,
/// printed by <see cref="LayoutPrinter"/>.
/// </summary>
internal abstract record LayoutDoc
{
    /// <summary>True when the doc contains a break that can never be laid out flat (a hard line, a comment on its own line).</summary>
    public abstract bool ForcesBreak { get; }

    public static LayoutDoc Concat(IEnumerable<LayoutDoc> parts) => new ConcatDoc([.. parts]);

    public static LayoutDoc Concat(params LayoutDoc[] parts) => new ConcatDoc([.. parts]);

    public static LayoutDoc Text(string text) => new TextDoc(text);

    public static readonly LayoutDoc Space = new TextDoc(" ");

    public static readonly LayoutDoc Empty = new ConcatDoc([]);

    /// <summary>A space when its group is flat, a line break when the group breaks.</summary>
    public static readonly LayoutDoc Line = new LineDoc(LineKind.Soft);

    /// <summary>Nothing when its group is flat, a line break when the group breaks.</summary>
    public static readonly LayoutDoc SoftLine = new LineDoc(LineKind.SoftEmpty);

    public static readonly LayoutDoc HardLine = new LineDoc(LineKind.Hard);

    /// <summary>Two line breaks (one blank line), never more however many are asked for in a row.</summary>
    public static readonly LayoutDoc BlankLine = new LineDoc(LineKind.Blank);

    /// <summary>A line break unless the current line is still empty: puts a comment on a line of its own.</summary>
    public static readonly LayoutDoc LineStart = new LineDoc(LineKind.IfNotAtLineStart);

    /// <summary>A line break that keeps the indentation of the line it ends: the line after a comment on its own line.</summary>
    public static readonly LayoutDoc SameIndentLine = new LineDoc(LineKind.SameIndent);

    /// <summary>A blank line that keeps the indentation of the line it ends: between comments a blank line apart.</summary>
    public static readonly LayoutDoc BlankLineSameIndent = new LineDoc(LineKind.SameIndentBlank);

    public static LayoutDoc Nest(int indent, LayoutDoc content) => new NestDoc(indent, content);

    public static LayoutDoc Group(LayoutDoc content) => new GroupDoc(content);
}

internal enum LineKind
{
    Soft,
    SoftEmpty,
    Hard,
    Blank,
    IfNotAtLineStart,
    SameIndent,
    SameIndentBlank,
}

internal sealed record TextDoc(string Value) : LayoutDoc
{
    // A block comment over several lines cannot sit inside a flat group.
    public override bool ForcesBreak { get; } = Value.Contains('\n', StringComparison.Ordinal) || Value.Contains('\r', StringComparison.Ordinal);
}

internal sealed record LineDoc(LineKind Kind) : LayoutDoc
{
    public override bool ForcesBreak => Kind is not (LineKind.Soft or LineKind.SoftEmpty);
}

internal sealed record ConcatDoc(ImmutableArray<LayoutDoc> Parts) : LayoutDoc
{
    public override bool ForcesBreak { get; } = Parts.Any(p => p.ForcesBreak);
}

internal sealed record NestDoc(int Indent, LayoutDoc Content) : LayoutDoc
{
    public override bool ForcesBreak => Content.ForcesBreak;
}

internal sealed record GroupDoc(LayoutDoc Content) : LayoutDoc
{
    public override bool ForcesBreak => Content.ForcesBreak;
}

/// <summary>A trailing line comment: printed at the end of the line it is on, whatever follows it in the layout.</summary>
internal sealed record LineSuffixDoc(string Value) : LayoutDoc
{
    public override bool ForcesBreak => false;
}
