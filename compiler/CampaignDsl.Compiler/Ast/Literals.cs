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

/// <summary><c>EUR 10</c>, <c>€10</c>: an amount in an ISO 4217 currency (symbols are stored as their code).</summary>
public sealed record MoneyLiteral(TextSpan Span, string Currency, decimal Amount) : Expression(Span)
{
    public override string ToString() => $"{Currency} {Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitMoney(this);
}

/// <summary><c>2026-12-31</c>: a calendar date, interpreted in the contact's time zone.</summary>
public sealed record DateLiteral(TextSpan Span, DateOnly Value) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitDate(this);
}

/// <summary><c>09:30</c>: a time of day in the contact's time zone.</summary>
public sealed record TimeLiteral(TextSpan Span, TimeOnly Value) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitTime(this);
}

/// <summary><c>09:00..20:00</c>: a daily window of local time; it runs past midnight when the end is before the start.</summary>
public sealed record TimeRangeLiteral(TextSpan Span, TimeLiteral Start, TimeLiteral End) : Expression(Span)
{
    public bool CrossesMidnight => End.Value < Start.Value;

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitTimeRange(this);
}
