using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>policy { ... }</c>: how and how often the campaign may send, what it aims at and how it ends.</summary>
public sealed record PolicyDecl(TextSpan Span, ImmutableArray<PolicyItem> Items) : CampaignItem(Span)
{
    public IEnumerable<PolicySetting> Settings => Items.OfType<PolicySetting>();
}

public abstract record PolicyItem(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>send_window 09:00..20:00</c>, <c>quiet_hours 21:00..08:00</c>, <c>holdout 10%</c>, <c>send_time_optimization on</c>.</summary>
public sealed record PolicySetting(TextSpan Span, Identifier Key, Expression Value) : PolicyItem(Span);

/// <summary><c>cap 3 per 7d</c>: at most <see cref="Count"/> messages to one contact in any <see cref="Period"/>.</summary>
public sealed record FrequencyCap(TextSpan Span, NumberLiteral Count, DurationLiteral Period) : PolicyItem(Span);

/// <summary><c>goal purchase within 30d</c>: the conversion the campaign is measured by.</summary>
public sealed record Goal(TextSpan Span, NameReference Event, DurationLiteral Within) : PolicyItem(Span);

/// <summary><c>exit when engaged</c>: a contact leaves the campaign as soon as the condition holds.</summary>
public sealed record ExitRule(TextSpan Span, Expression Condition) : PolicyItem(Span);

/// <summary><c>then enroll nurture_returners</c>: contacts who finish (or reach the goal) go on to another campaign.</summary>
public sealed record Handoff(TextSpan Span, Identifier Campaign) : PolicyItem(Span);

/// <summary><c>finally suppress "sunset"</c>, <c>finally tag "dormant"</c>: what happens to contacts who never responded.</summary>
public sealed record FinalAction(TextSpan Span, Identifier Action, StringLiteral? Argument) : PolicyItem(Span);
