using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// Finds "inactive for a while" tests, <c>days_since(last login) &gt; 120</c>, that silently leave out contacts who
/// never had the event: <c>last login</c> is unknown for them, so the comparison is false. Only a test that holds
/// when the condition holds is meant (not one under <c>not</c>, nor an <c>unless</c>, where false already lets
/// them through), and only when the same condition says nothing about that event's count, which is how a
/// campaign states what happens to contacts who never had it. <c>between 90 and 365</c> is not such a test: a
/// contact who never had the event is quiet for longer than any upper bound, so leaving them out is what it says.
/// Each condition is judged on its own: a segment where it is written, not where it is used.
/// </summary>
internal sealed class NeverHappenedCheck : ICampaignCheck
{
    private static readonly string[] CountingFunctions = ["count", "sum", "avg", "min", "max"];

    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var where in scope.Campaign.Audiences.SelectMany(a => a.Conditions))
        {
            CheckCondition(scope, diagnostics, where.Condition, holdsWhenTrue: true);
        }

        foreach (var segment in scope.OwnSegments)
        {
            CheckCondition(scope, diagnostics, segment.Condition, holdsWhenTrue: true);
        }

        foreach (var condition in scope.Campaign.Stages.SelectMany(s => s.Conditions))
        {
            CheckCondition(scope, diagnostics, condition.Condition, holdsWhenTrue: condition.Kind == ConditionKind.When);
        }
    }

    private static void CheckCondition(CampaignScope scope, DiagnosticBag diagnostics, Expression condition, bool holdsWhenTrue)
    {
        var counted = new HashSet<string>(StringComparer.Ordinal);
        CollectCounted(condition, counted);
        foreach (var (test, function, eventType) in InactivityTests(condition, holdsWhenTrue))
        {
            if (!counted.Contains(eventType) && scope.Events.Contains(eventType))
            {
                diagnostics.Add(DiagnosticCatalog.NeverHappened(scope.At(test), function, eventType));
            }
        }
    }

    /// <summary>The comparisons that need a large <c>days_since(last x)</c> and sit where the condition holds when they do.</summary>
    private static IEnumerable<(Expression Test, string Function, string Event)> InactivityTests(Expression expression, bool positive)
    {
        switch (expression)
        {
            case ParenthesizedExpression parenthesized:
                return InactivityTests(parenthesized.Inner, positive);
            case UnaryExpression { Operator: UnaryOperator.Not } not:
                return InactivityTests(not.Operand, !positive);
            case BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
                return InactivityTests(logical.Left, positive).Concat(InactivityTests(logical.Right, positive));
            case BinaryExpression comparison when positive && LargeSince(comparison) is var (function, eventType):
                return [(comparison, function, eventType)];
            default:
                return [];
        }
    }

    /// <summary><c>days_since(last x) &gt; n</c>, <c>&gt;=</c>, or written the other way round (<c>n &lt; days_since(last x)</c>).</summary>
    private static (string, string)? LargeSince(BinaryExpression comparison) => comparison.Operator switch
    {
        BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => SinceOfLast(comparison.Left),
        BinaryOperator.Less or BinaryOperator.LessOrEqual => SinceOfLast(comparison.Right),
        _ => null,
    };

    /// <summary>The function and event of <c>days_since(last x)</c>, <c>hours_since(last(x))</c>; null for anything else.</summary>
    private static (string, string)? SinceOfLast(Expression expression) => Unwrap(expression) switch
    {
        CallExpression { Function.Name: "days_since" or "hours_since" } since when since.Arguments is [{ Window: null } argument]
            && LastEventOf(argument.Value) is { } eventType => (since.Function.Name, eventType),
        _ => null,
    };

    private static string? LastEventOf(Expression expression) => Unwrap(expression) switch
    {
        LastEventExpression { Event.IsMissing: false } last => last.Event.Name,
        CallExpression { Function.Name: "last" } call when call.Arguments is [{ Value: NameReference { IsMissing: false } name }] => name.Name,
        _ => null,
    };

    /// <summary>Events whose count or amount the condition looks at: it then says something about contacts without them.</summary>
    private static void CollectCounted(Expression expression, HashSet<string> counted)
    {
        switch (expression)
        {
            case ParenthesizedExpression parenthesized:
                CollectCounted(parenthesized.Inner, counted);
                break;
            case UnaryExpression unary:
                CollectCounted(unary.Operand, counted);
                break;
            case BinaryExpression binary:
                CollectCounted(binary.Left, counted);
                CollectCounted(binary.Right, counted);
                break;
            case BetweenExpression between:
                CollectCounted(between.Value, counted);
                CollectCounted(between.Low, counted);
                CollectCounted(between.High, counted);
                break;
            case CallExpression call:
                foreach (var argument in call.Arguments)
                {
                    if (CountingFunctions.Contains(call.Function.Name)
                        && Unwrap(argument.Value) is NameReference { IsMissing: false } name)
                    {
                        // `sum(purchase.amount)` counts purchases as well as `count(purchase)` does.
                        counted.Add(name.Parts.Length > 1 ? string.Join('.', name.Parts[..^1].Select(p => p.Name)) : name.Name);
                        counted.Add(name.Name);
                    }

                    CollectCounted(argument.Value, counted);
                }

                break;
        }
    }

    private static Expression Unwrap(Expression expression) => expression is ParenthesizedExpression p ? Unwrap(p.Inner) : expression;
}
