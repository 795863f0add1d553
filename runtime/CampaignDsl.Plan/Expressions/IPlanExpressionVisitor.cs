namespace CampaignDsl.Plan;

/// <summary>One method per node kind: evaluation in memory and translation to SQL are visitors over the plan's expressions.</summary>
public interface IPlanExpressionVisitor<out TResult>
{
    TResult VisitText(TextLiteral node);

    TResult VisitNumber(NumberLiteral node);

    TResult VisitPercent(PercentLiteral node);

    TResult VisitBool(BoolLiteral node);

    TResult VisitDuration(DurationLiteral node);

    TResult VisitMoney(MoneyLiteral node);

    TResult VisitDate(DateLiteral node);

    TResult VisitTime(TimeLiteral node);

    TResult VisitList(ListLiteral node);

    TResult VisitAttribute(AttributeReference node);

    TResult VisitEventField(EventFieldReference node);

    TResult VisitSegment(SegmentReference node);

    TResult VisitAggregate(EventAggregate node);

    TResult VisitRfm(RfmScore node);

    TResult VisitBehaviour(BehaviourTest node);

    TResult VisitCall(FunctionCall node);

    TResult VisitComparison(Comparison node);

    TResult VisitArithmetic(Arithmetic node);

    TResult VisitNegation(Negation node);

    TResult VisitBetween(BetweenTest node);

    TResult VisitInList(InListTest node);

    TResult VisitAnd(AndExpression node);

    TResult VisitOr(OrExpression node);

    TResult VisitNot(NotExpression node);
}
