using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>stage name after 5d..7d { ... }</c>: one step of the campaign, in order.</summary>
public sealed record StageDecl(TextSpan Span, Identifier Name, StageTiming? Timing, ImmutableArray<StageItem> Items)
    : CampaignItem(Span)
{
    /// <summary>The sends directly in the stage, outside any <c>for</c>/<c>otherwise</c> variant.</summary>
    public IEnumerable<SendAction> Sends => Items.OfType<SendAction>();

    /// <summary>Every send of the stage, including those inside variants.</summary>
    public IEnumerable<SendAction> AllSends => Items.SelectMany(SendsIn);

    public IEnumerable<StageCondition> Conditions => Items.OfType<StageCondition>();

    public IEnumerable<SegmentVariant> Variants => Items.OfType<SegmentVariant>();

    public IEnumerable<ClickRule> ClickRules => Items.OfType<ClickRule>();

    private static IEnumerable<SendAction> SendsIn(StageItem item) => item switch
    {
        SendAction send => [send],
        SegmentVariant variant => variant.Items.SelectMany(SendsIn),
        _ => [],
    };
}

/// <summary>
/// <c>after 5d..7d from recognition</c>: the wait before a stage, as a window (<see cref="Latest"/> is
/// null for an exact wait), counted from <see cref="Anchor"/> (the previous stage when null; <c>entry</c> for entry).
/// </summary>
public sealed record StageTiming(TextSpan Span, DurationLiteral Earliest, DurationLiteral? Latest, Identifier? Anchor)
    : SyntaxNode(Span);

/// <summary>Anything that may stand in a stage body.</summary>
public abstract record StageItem(TextSpan Span) : SyntaxNode(Span);

public enum ConditionKind
{
    When,
    Unless,
}

/// <summary><c>when opened(recognition)</c> / <c>unless clicked(ask_style)</c>: the stage runs for a contact only if it holds (or does not).</summary>
public sealed record StageCondition(TextSpan Span, ConditionKind Kind, Expression Condition) : StageItem(Span);

/// <summary>
/// <c>for high_value { send ... }</c>: what contacts in a segment get in addition to the stage's own sends;
/// <c>otherwise { ... }</c> (<see cref="Segment"/> null) for everyone no variant took. The first matching variant wins.
/// </summary>
public sealed record SegmentVariant(TextSpan Span, Identifier? Segment, ImmutableArray<StageItem> Items) : StageItem(Span)
{
    public bool IsOtherwise => Segment is null;
}

/// <summary><c>on click "style:*" set style = click.tag</c>: a click on a matching link stores a value on the profile.</summary>
public sealed record ClickRule(TextSpan Span, StringLiteral? Pattern, NameReference Target, Expression Value) : StageItem(Span);
