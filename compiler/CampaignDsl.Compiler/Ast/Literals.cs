using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

public sealed record StringLiteral(TextSpan Span, string Value) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitString(this);
}

public sealed record NumberLiteral(TextSpan Span, decimal Value) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitNumber(this);
}

/// <summary><c>15%</c>: stored as the number written (15), not as a fraction.</summary>
public sealed record PercentLiteral(TextSpan Span, decimal Value) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitPercent(this);
}

public sealed record BooleanLiteral(TextSpan Span, bool Value) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitBoolean(this);
}

/// <summary><c>30m</c>, <c>72h</c>, <c>5d</c>, <c>6w</c>; negative when written with a minus, which the checks reject where a wait is meant.</summary>
public sealed record DurationLiteral(TextSpan Span, long Amount, DurationUnit Unit) : Expression(Span)
{
    public TimeSpan Value => Unit switch
    {
        DurationUnit.Minutes => TimeSpan.FromMinutes(Amount),
        DurationUnit.Hours => TimeSpan.FromHours(Amount),
        DurationUnit.Days => TimeSpan.FromDays(Amount),
        _ => TimeSpan.FromDays(Amount * 7),
    };

    public override string ToString() => $"{Amount}{Unit switch
    {
        DurationUnit.Minutes => "m",
        DurationUnit.Hours => "h",
        DurationUnit.Days => "d",
        _ => "w",
    }}";

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitDuration(this);
}

public enum DurationUnit
{
    Minutes,
    Hours,
    Days,
    Weeks,
}

/// <summary><c>["NL", "BE"]</c>.</summary>
public sealed record ListExpression(TextSpan Span, System.Collections.Immutable.ImmutableArray<Expression> Items) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitList(this);
}
