using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>
/// What a stage (or a variant inside it) does for a contact: every send in <see cref="Sends"/>, then the
/// actions of the first variant whose segment the contact is in, else those of <see cref="Otherwise"/>.
/// <see cref="ClickRules"/> apply to clicks on any message this stage sends.
/// </summary>
public sealed record PlanActions(
    ImmutableArray<PlanSend> Sends,
    ImmutableArray<PlanVariant> Variants,
    PlanVariant? Otherwise,
    ImmutableArray<PlanClickRule> ClickRules);

/// <summary>
/// <c>for high_value { ... }</c>, or <c>otherwise { ... }</c> when <see cref="Segment"/> is null. Its
/// conditions narrow it further: a variant whose conditions fail does not match.
/// </summary>
public sealed record PlanVariant(string Id, string? Segment, ImmutableArray<PlanCondition> Conditions, PlanActions Actions);

/// <summary><c>on click "style:*" set style = click.tag</c>: a click on a link matching <see cref="Pattern"/> (any link when null) stores <see cref="Value"/> in the contact attribute <see cref="Attribute"/>.</summary>
public sealed record PlanClickRule(string Id, string? Pattern, string Attribute, PlanExpression Value);
