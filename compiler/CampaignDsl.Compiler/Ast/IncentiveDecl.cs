using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>
/// <c>incentive vip40 : back20 "VIP offer" { discount 40% }</c>: a named offer, optionally refining
/// <see cref="Base"/>, whose properties it inherits and may override.
/// </summary>
public sealed record IncentiveDecl(TextSpan Span, Identifier Name, Identifier? Base, StringLiteral? Title, ImmutableArray<IncentiveItem> Items)
    : CampaignItem(Span), IFileItem
{
    public IEnumerable<IncentiveProperty> Properties => Items.OfType<IncentiveProperty>();

    public IEnumerable<IncentiveExpiry> Expiries => Items.OfType<IncentiveExpiry>();
}

public abstract record IncentiveItem(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>discount 20%</c>, <c>credit EUR 10</c>, <c>free_shipping</c> (no value), <c>code "WB-{code:6}"</c>.</summary>
public sealed record IncentiveProperty(TextSpan Span, Identifier Key, Expression? Value) : IncentiveItem(Span);

/// <summary><c>expires 72h after send</c> (relative to an event such as the send) or <c>expires 2026-12-31 at 23:59</c>.</summary>
public sealed record IncentiveExpiry(TextSpan Span, DurationLiteral? After, Identifier? Anchor, DateLiteral? Date, TimeLiteral? At)
    : IncentiveItem(Span);
