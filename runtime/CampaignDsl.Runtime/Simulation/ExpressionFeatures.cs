using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>Whether a plan needs the population's RFM quintiles, which cost a pass over every contact before the run.</summary>
public static class ExpressionFeatures
{
    public static bool UsesRfm(CampaignPlan plan) => Expressions(plan).Any(e => e.Accept(RfmFinder.Instance));

    private static IEnumerable<PlanExpression> Expressions(CampaignPlan plan)
    {
        if (plan.Audience.Where is { } where)
        {
            yield return where;
        }

        if (plan.Audience.Entry.When is { } when)
        {
            yield return when;
        }

        foreach (var segment in plan.Segments)
        {
            yield return segment.Condition;
        }

        foreach (var exit in plan.Policies.Exits)
        {
            yield return exit.When;
        }

        foreach (var stage in plan.Stages)
        {
            foreach (var expression in stage.Conditions.Select(c => c.Condition).Concat(Of(stage.Actions)))
            {
                yield return expression;
            }
        }
    }

    private static IEnumerable<PlanExpression> Of(PlanActions actions) =>
        actions.Variants.Append(actions.Otherwise).OfType<PlanVariant>()
            .SelectMany(v => v.Conditions.Select(c => c.Condition).Concat(Of(v.Actions)));

    private sealed class RfmFinder : IPlanExpressionVisitor<bool>
    {
        public static readonly RfmFinder Instance = new();

        public bool VisitText(TextLiteral node) => false;

        public bool VisitNumber(NumberLiteral node) => false;

        public bool VisitPercent(PercentLiteral node) => false;

        public bool VisitBool(BoolLiteral node) => false;

        public bool VisitDuration(DurationLiteral node) => false;

        public bool VisitMoney(MoneyLiteral node) => false;

        public bool VisitDate(DateLiteral node) => false;

        public bool VisitTime(TimeLiteral node) => false;

        public bool VisitList(ListLiteral node) => node.Items.Any(i => i.Accept(this));

        public bool VisitAttribute(AttributeReference node) => false;

        public bool VisitEventField(EventFieldReference node) => false;

        // Segments are listed in the plan and searched there.
        public bool VisitSegment(SegmentReference node) => false;

        public bool VisitAggregate(EventAggregate node) => false;

        public bool VisitRfm(RfmScore node) => true;

        public bool VisitBehaviour(BehaviourTest node) => false;

        public bool VisitCall(FunctionCall node) => node.Arguments.Any(a => a.Accept(this));

        public bool VisitComparison(Comparison node) => node.Left.Accept(this) || node.Right.Accept(this);

        public bool VisitArithmetic(Arithmetic node) => node.Left.Accept(this) || node.Right.Accept(this);

        public bool VisitNegation(Negation node) => node.Operand.Accept(this);

        public bool VisitBetween(BetweenTest node) => node.Value.Accept(this) || node.Low.Accept(this) || node.High.Accept(this);

        public bool VisitInList(InListTest node) => node.Value.Accept(this) || node.Items.Any(i => i.Accept(this));

        public bool VisitAnd(AndExpression node) => node.Operands.Any(o => o.Accept(this));

        public bool VisitOr(OrExpression node) => node.Operands.Any(o => o.Accept(this));

        public bool VisitNot(NotExpression node) => node.Operand.Accept(this);
    }
}
