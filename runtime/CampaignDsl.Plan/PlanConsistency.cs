using System.Globalization;

namespace CampaignDsl.Plan;

/// <summary>
/// What the JSON shape cannot say: that the names a plan uses resolve inside it. Every segment,
/// stage and incentive an expression, timing, variant or send names is one the plan holds; stages are
/// indexed 0, 1, 2... with <c>next</c> naming the following one; a segment uses only segments listed
/// before it. A plan the compiler wrote always passes; an edited or truncated one may not.
/// </summary>
internal static class PlanConsistency
{
    /// <summary>Null when the plan is consistent, else the first problem found.</summary>
    public static string? FindProblem(CampaignPlan plan)
    {
        var stages = plan.Stages.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var incentives = plan.Incentives.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var segments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in plan.Segments)
        {
            if (FirstUnknown(segment.Condition, segments, stages) is { } unknown)
            {
                return $"segment `{segment.Name}` uses {unknown}, which no segment listed before it defines";
            }

            segments.Add(segment.Name);
        }

        for (var i = 0; i < plan.Stages.Length; i++)
        {
            var stage = plan.Stages[i];
            var expectedNext = i + 1 < plan.Stages.Length ? plan.Stages[i + 1].Name : null;
            if (stage.Index != i || stage.Next != expectedNext)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"stage `{stage.Name}` has index {stage.Index} and next `{stage.Next}`, expected {i} and `{expectedNext}`");
            }

            if (stage.Timing.Anchor == PlanTiming.Stage && (stage.Timing.AnchorStage is not { } anchor || !stages.Contains(anchor)))
            {
                return $"stage `{stage.Name}` waits from stage `{stage.Timing.AnchorStage}`, which the plan does not hold";
            }

            if (stage.Timing.MaxSeconds < stage.Timing.MinSeconds)
            {
                return $"stage `{stage.Name}`'s window ends before it starts";
            }

            if (FindInActions(stage.Conditions, stage.Actions, segments, stages, incentives) is { } problem)
            {
                return $"stage `{stage.Name}`: {problem}";
            }
        }

        var expressions = new[] { plan.Audience.Where, plan.Audience.Entry.When }.Concat(plan.Policies.Exits.Select(e => e.When));
        return expressions.OfType<PlanExpression>().Select(e => FirstUnknown(e, segments, stages)).FirstOrDefault(u => u is not null) is { } missing
            ? $"the audience or policies use {missing}, which the plan does not hold"
            : null;
    }

    private static string? FindInActions(IEnumerable<PlanCondition> conditions, PlanActions actions, HashSet<string> segments, HashSet<string> stages, HashSet<string> incentives)
    {
        foreach (var condition in conditions)
        {
            if (FirstUnknown(condition.Condition, segments, stages) is { } unknown)
            {
                return $"condition `{condition.Id}` uses {unknown}, which the plan does not hold";
            }
        }

        if (actions.Sends.FirstOrDefault(s => s.Incentive is { } name && !incentives.Contains(name)) is { } send)
        {
            return $"send `{send.Id}` carries incentive `{send.Incentive}`, which the plan does not hold";
        }

        foreach (var variant in actions.Variants.Append(actions.Otherwise).OfType<PlanVariant>())
        {
            if (variant.Segment is { } segment && !segments.Contains(segment))
            {
                return $"variant `{variant.Id}` is for segment `{segment}`, which the plan does not hold";
            }

            if (FindInActions(variant.Conditions, variant.Actions, segments, stages, incentives) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The first segment or stage <paramref name="expression"/> names that is not known, described; null when all are.</summary>
    private static string? FirstUnknown(PlanExpression expression, HashSet<string> segments, HashSet<string> stages) => expression switch
    {
        SegmentReference segment when !segments.Contains(segment.Name) => $"segment `{segment.Name}`",
        BehaviourTest { Stage: { } stage } behaviour when !stages.Contains(stage) => $"stage `{behaviour.Stage}`",
        _ => Children(expression).Select(c => FirstUnknown(c, segments, stages)).FirstOrDefault(u => u is not null),
    };

    private static IEnumerable<PlanExpression> Children(PlanExpression expression) => expression switch
    {
        ListLiteral list => list.Items,
        FunctionCall call => call.Arguments,
        Comparison comparison => [comparison.Left, comparison.Right],
        Arithmetic arithmetic => [arithmetic.Left, arithmetic.Right],
        Negation negation => [negation.Operand],
        BetweenTest between => [between.Value, between.Low, between.High],
        InListTest test => test.Items.Prepend(test.Value),
        AndExpression and => and.Operands,
        OrExpression or => or.Operands,
        NotExpression not => [not.Operand],
        _ => [],
    };
}
