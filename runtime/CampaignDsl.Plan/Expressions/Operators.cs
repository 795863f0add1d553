using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>
/// A scalar built-in function: <c>days_since</c> and <c>hours_since</c> (whole days or hours from a date
/// to now, null when the date is), <c>lower</c> (text in lower case), <c>contains</c> (a text contains
/// another, ignoring case).
/// </summary>
public sealed record FunctionCall(string Id, string Function, ImmutableArray<PlanExpression> Arguments) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitCall(this);
}

/// <summary><see cref="Operator"/> is <c>eq</c>, <c>ne</c>, <c>lt</c>, <c>le</c>, <c>gt</c> or <c>ge</c>.</summary>
public sealed record Comparison(string Id, string Operator, PlanExpression Left, PlanExpression Right) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitComparison(this);
}

/// <summary>
/// <see cref="Operator"/> is <c>add</c>, <c>subtract</c>, <c>multiply</c> or <c>divide</c>. With a date on the left,
/// <c>add</c>/<c>subtract</c> of a duration is an instant and <c>subtract</c> of a date is the duration between them.
/// </summary>
public sealed record Arithmetic(string Id, string Operator, PlanExpression Left, PlanExpression Right) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitArithmetic(this);
}

/// <summary>Unary minus.</summary>
public sealed record Negation(string Id, PlanExpression Operand) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitNegation(this);
}

/// <summary><c>value between low and high</c>, both ends included; <see cref="Negated"/> for <c>not between</c>.</summary>
public sealed record BetweenTest(string Id, PlanExpression Value, PlanExpression Low, PlanExpression High, bool Negated) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitBetween(this);
}

/// <summary><c>value in [a, b]</c>: equal to one of <see cref="Items"/>; <see cref="Negated"/> for <c>not in</c>.</summary>
public sealed record InListTest(string Id, PlanExpression Value, ImmutableArray<PlanExpression> Items, bool Negated) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitInList(this);
}

/// <summary>Every operand holds; a chain <c>a and b and c</c> is one node with three operands, in source order.</summary>
public sealed record AndExpression(string Id, ImmutableArray<PlanExpression> Operands) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitAnd(this);
}

/// <summary>At least one operand holds; a chain <c>a or b or c</c> is one node with three operands, in source order.</summary>
public sealed record OrExpression(string Id, ImmutableArray<PlanExpression> Operands) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitOr(this);
}

public sealed record NotExpression(string Id, PlanExpression Operand) : PlanExpression(Id)
{
    public override TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor) => visitor.VisitNot(this);
}
