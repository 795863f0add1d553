using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>
/// <c>audience { where predicate  entry daily  reentry after 180d }</c>: who enters the campaign, when,
/// and whether they may enter again. The items keep their source order so that checks can report repeats.
/// </summary>
public sealed record AudienceDecl(TextSpan Span, ImmutableArray<AudienceItem> Items) : CampaignItem(Span)
{
    /// <summary>The first <c>where</c>; null when the audience has none.</summary>
    public Expression? Where => Items.OfType<AudienceCondition>().FirstOrDefault()?.Condition;

    public IEnumerable<AudienceCondition> Conditions => Items.OfType<AudienceCondition>();

    public IEnumerable<EntryDecl> Entries => Items.OfType<EntryDecl>();

    public IEnumerable<ReentryPolicy> Reentries => Items.OfType<ReentryPolicy>();
}

public abstract record AudienceItem(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>where predicate</c>.</summary>
public sealed record AudienceCondition(TextSpan Span, Expression Condition) : AudienceItem(Span);

/// <summary><c>entry daily</c>, <c>entry on purchase when purchase.amount &gt;= EUR 50</c>, <c>entry on anniversary of birthday at 09:00</c>.</summary>
public sealed record EntryDecl(TextSpan Span, EntryMode Mode) : AudienceItem(Span);

/// <summary><c>reentry never</c> (<see cref="After"/> is null) or <c>reentry after 180d</c>.</summary>
public sealed record ReentryPolicy(TextSpan Span, DurationLiteral? After) : AudienceItem(Span);

/// <summary>How contacts enter the campaign.</summary>
public abstract record EntryMode(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>entry once</c>: the audience as it stands when the campaign starts.</summary>
public sealed record EntryOnce(TextSpan Span) : EntryMode(Span);

/// <summary><c>entry daily</c>: the audience is evaluated every day; a contact enters on the first day it matches.</summary>
public sealed record EntryDaily(TextSpan Span) : EntryMode(Span);

/// <summary>
/// <c>entry on purchase when ...</c> (an event), <c>entry on renewal_date at 09:00</c> (a date attribute) or
/// <c>entry on anniversary of created_at at 10:00</c>. Which of event or attribute <see cref="Trigger"/> names is
/// decided by the binder.
/// </summary>
public sealed record EntryOn(TextSpan Span, NameReference Trigger, bool Anniversary, TimeLiteral? At, Expression? Condition)
    : EntryMode(Span);
