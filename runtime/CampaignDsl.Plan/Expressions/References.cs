namespace CampaignDsl.Plan;

/// <summary>
/// A contact attribute such as <c>first_name</c>, with its <see cref="Type"/>: <c>text</c>, <c>number</c>,
/// <c>bool</c>, <c>date</c>, <c>money</c>, <c>percent</c>, <c>duration</c> or <c>time</c>.
/// </summary>
public sealed record AttributeReference(string Id, string Name, string Type) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitAttribute(this);
}

/// <summary>
/// A field of the event at hand: the entry event's <c>purchase.amount</c> in an entry condition, or the
/// click's <c>click.tag</c> in a click rule.
/// </summary>
public sealed record EventFieldReference(string Id, string Event, string Field, string Type) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitEventField(this);
}

/// <summary>Whether the contact is in the segment <see cref="Name"/>, one of the plan's segments.</summary>
public sealed record SegmentReference(string Id, string Name) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitSegment(this);
}
