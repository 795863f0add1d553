using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>An expression over a contact's attributes and events. Behaviour lives in visitors.</summary>
public abstract record Expression(TextSpan Span) : SyntaxNode(Span)
{
    public abstract TResult Accept<TResult>(IExpressionVisitor<TResult> visitor);
}

/// <summary>Stands where the parser found no expression; checks stay silent about it (its syntax error is enough).</summary>
public sealed record MissingExpression(TextSpan Span) : Expression(Span)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitMissing(this);
}
