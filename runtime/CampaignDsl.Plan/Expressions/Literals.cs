using System.Collections.Immutable;

namespace CampaignDsl.Plan;

public sealed record TextLiteral(string Id, string Value) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitText(this);
}

public sealed record NumberLiteral(string Id, decimal Value) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitNumber(this);
}

/// <summary><c>20%</c> is <see cref="Value"/> 20, not 0.2.</summary>
public sealed record PercentLiteral(string Id, decimal Value) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitPercent(this);
}

public sealed record BoolLiteral(string Id, bool Value) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitBool(this);
}

/// <summary>A duration in whole seconds: <c>72h</c> is 259200.</summary>
public sealed record DurationLiteral(string Id, long Seconds) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitDuration(this);
}

/// <summary>An amount in an ISO 4217 <see cref="Currency"/> (<c>€10</c> is EUR 10).</summary>
public sealed record MoneyLiteral(string Id, decimal Amount, string Currency) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitMoney(this);
}

/// <summary>A calendar date, <c>yyyy-MM-dd</c>, read in the contact's time zone.</summary>
public sealed record DateLiteral(string Id, string Value) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitDate(this);
}

/// <summary>A time of day, <c>HH:mm</c>, in the contact's time zone.</summary>
public sealed record TimeLiteral(string Id, string Value) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitTime(this);
}

public sealed record ListLiteral(string Id, ImmutableArray<PlanExpression> Items) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitList(this);
}
