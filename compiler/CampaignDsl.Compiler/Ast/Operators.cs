using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

public enum UnaryOperator
{
    Not,
    Negate,
}

public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
}

public sealed record UnaryExpression(TextSpan Span, UnaryOperator Operator, Expression Operand) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitUnary(this);
}

public sealed record BinaryExpression(TextSpan Span, BinaryOperator Operator, Expression Left, Expression Right) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitBinary(this);
}

/// <summary><c>x between 30 and 120</c> (both ends included), or <c>not between</c>.</summary>
public sealed record BetweenExpression(TextSpan Span, Expression Value, Expression Low, Expression High, bool Negated) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitBetween(this);
}

/// <summary><c>country in ["NL", "BE"]</c>, or <c>not in</c>.</summary>
public sealed record InListExpression(TextSpan Span, Expression Value, ListExpression List, bool Negated) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitInList(this);
}

/// <summary>Parentheses as written, kept so that formatting can reproduce them.</summary>
public sealed record ParenthesizedExpression(TextSpan Span, Expression Inner) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitParenthesized(this);
}

/// <summary><c>first_name</c>, <c>email.open</c>, <c>purchase.amount</c>: a dotted name, resolved by the binder.</summary>
public sealed record NameReference(TextSpan Span, ImmutableArray<Identifier> Parts) : Expression(Span)
{
    public string Name => string.Join('.', Parts.Select(p => p.Name));

    public bool IsMissing => Parts.Any(p => p.IsMissing);

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitName(this);
}

/// <summary><c>last purchase</c>: when the contact's most recent event of a type happened.</summary>
public sealed record LastEventExpression(TextSpan Span, NameReference Event) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitLastEvent(this);
}

/// <summary><c>days_since(last purchase)</c>, <c>count(purchase in 365d)</c>.</summary>
public sealed record CallExpression(TextSpan Span, Identifier Function, ImmutableArray<Argument> Arguments) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitCall(this);
}

/// <summary>One argument of a call; <see cref="Window"/> is the look-back of <c>purchase in 365d</c>.</summary>
public sealed record Argument(TextSpan Span, Expression Value, DurationLiteral? Window) : SyntaxNode(Span);
