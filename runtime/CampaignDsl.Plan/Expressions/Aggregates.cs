namespace CampaignDsl.Plan;

/// <summary>
/// An aggregate over the contact's events of type <see cref="Event"/>: <see cref="Function"/> <c>count</c>,
/// <c>sum</c>, <c>avg</c>, <c>min</c> or <c>max</c> (of <see cref="Field"/>; a number), or <c>first</c> or
/// <c>last</c> (when the first or latest such event happened; a date-time, null when there is none).
/// <see cref="WindowSeconds"/> limits it to events in that many seconds before now; null for all history.
/// </summary>
public sealed record EventAggregate(string Id, string Function, string Event, string? Field, long? WindowSeconds) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitAggregate(this);
}

/// <summary>
/// The contact's RFM quintile (1-5, 5 best) on <see cref="Dimension"/> <c>recency</c> (of the last
/// purchase), <c>frequency</c> (number of purchases) or <c>monetary</c> (total spend), computed over the
/// audience population.
/// </summary>
public sealed record RfmScore(string Id, string Dimension) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitRfm(this);
}

/// <summary>
/// A yes/no about the contact's reaction to this campaign: <see cref="Function"/> <c>opened</c> or
/// <c>clicked</c> (a message of stage <see cref="Stage"/>; for <c>clicked</c>, a link whose tag matches
/// <see cref="Pattern"/> when it is not null, <c>*</c> matching any text), <c>purchased_since</c> (a purchase
/// after stage <see cref="Stage"/> ran, or since entry when it is null), or <c>engaged</c> (opened, clicked or
/// bought since entering; <see cref="Stage"/> null).
/// </summary>
public sealed record BehaviourTest(string Id, string Function, string? Stage, string? Pattern) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitBehaviour(this);
}
