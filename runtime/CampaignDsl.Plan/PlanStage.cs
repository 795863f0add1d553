using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>
/// One state of the campaign's state machine. A contact reaches a stage <see cref="Timing"/> after its
/// anchor; the stage runs when every condition holds (<c>when</c>) or fails (<c>unless</c>), else it is
/// skipped; either way the contact moves on to <see cref="Next"/> (null after the last stage: the
/// contact has finished). What the stage sends is in <see cref="Actions"/>.
/// </summary>
public sealed record PlanStage(
    string Id,
    string Name,
    int Index,
    PlanTiming Timing,
    string? Next,
    ImmutableArray<PlanCondition> Conditions,
    PlanActions Actions);

/// <summary>
/// When a stage is due: between <see cref="MinSeconds"/> and <see cref="MaxSeconds"/> (equal for an exact
/// wait) after <see cref="Anchor"/>: <c>entry</c>, or <c>stage</c> (the time <see cref="AnchorStage"/> ran
/// for the contact). <see cref="Id"/> is null when the stage has no <c>after</c> (then the wait is zero).
/// </summary>
public sealed record PlanTiming(string? Id, long MinSeconds, long MaxSeconds, string Anchor, string? AnchorStage)
{
    public const string Entry = "entry";
    public const string Stage = "stage";
}

/// <summary><c>when</c> or <c>unless</c> and a condition.</summary>
public sealed record PlanCondition(string Id, string Kind, PlanExpression Condition)
{
    public const string When = "when";
    public const string Unless = "unless";
}
