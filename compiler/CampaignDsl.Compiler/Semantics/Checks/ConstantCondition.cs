using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>The value of a condition that is the same for every contact (<c>true</c>, <c>not false</c>, <c>x and false</c>), or null.</summary>
internal static class ConstantCondition
{
    public static bool? Of(Expression expression) => expression switch
    {
        BooleanLiteral literal => literal.Value,
        ParenthesizedExpression parenthesized => Of(parenthesized.Inner),
        UnaryExpression { Operator: UnaryOperator.Not } not => !Of(not.Operand),
        BinaryExpression { Operator: BinaryOperator.And } and => (Of(and.Left), Of(and.Right)) switch
        {
            (false, _) or (_, false) => false,
            (true, true) => true,
            _ => null,
        },
        BinaryExpression { Operator: BinaryOperator.Or } or => (Of(or.Left), Of(or.Right)) switch
        {
            (true, _) or (_, true) => true,
            (false, false) => false,
            _ => null,
        },
        _ => null,
    };
}
