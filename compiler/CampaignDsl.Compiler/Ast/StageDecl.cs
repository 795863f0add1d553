using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>stage name after 5d..7d { ... }</c>: one step of the campaign, in order.</summary>
public sealed record StageDecl(TextSpan Span, Identifier Name, StageTiming? Timing, ImmutableArray<StageItem> Items)
    : CampaignItem(Span)
{
    public IEnumerable<SendAction> Sends => Items.OfType<SendAction>();
}

/// <summary>
/// <c>after 5d..7d from recognition</c>: the wait before a stage, as a window (<see cref="Latest"/> is
/// null for an exact wait), counted from <see cref="Anchor"/> (the previous stage when null; <c>entry</c> for entry).
/// </summary>
public sealed record StageTiming(TextSpan Span, DurationLiteral Earliest, DurationLiteral? Latest, Identifier? Anchor)
    : SyntaxNode(Span);

/// <summary>Anything that may stand in a stage body.</summary>
public abstract record StageItem(TextSpan Span) : SyntaxNode(Span);
