namespace CampaignDsl.Compiler.Ast;

/// <summary>One method per expression node; checks, evaluation and emission are visitors.</summary>
public interface IExpressionVisitor<out TResult>
{
    TResult VisitMissing(MissingExpression node);

    TResult VisitString(StringLiteral node);

    TResult VisitNumber(NumberLiteral node);

    TResult VisitPercent(PercentLiteral node);

    TResult VisitBoolean(BooleanLiteral node);

    TResult VisitDuration(DurationLiteral node);

    TResult VisitMoney(MoneyLiteral node);

    TResult VisitDate(DateLiteral node);

    TResult VisitTime(TimeLiteral node);

    TResult VisitTimeRange(TimeRangeLiteral node);

    TResult VisitList(ListExpression node);

    TResult VisitUnary(UnaryExpression node);

    TResult VisitBinary(BinaryExpression node);

    TResult VisitBetween(BetweenExpression node);

    TResult VisitInList(InListExpression node);

    TResult VisitParenthesized(ParenthesizedExpression node);

    TResult VisitName(NameReference node);

    TResult VisitLastEvent(LastEventExpression node);

    TResult VisitCall(CallExpression node);
}
