using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// Evaluates a plan expression in memory. Values are <c>null</c> (unknown), <see cref="bool"/>, <see cref="decimal"/>
/// (numbers, money amounts, percentages as written, durations in seconds), <see cref="string"/>,
/// <see cref="DateTimeOffset"/>, <see cref="DateOnly"/>, <see cref="TimeOnly"/> or a list. As in SQL, a
/// comparison with an unknown value is false, so a contact with no data never matches by accident.
/// </summary>
public sealed class ExpressionEvaluator(EvaluationContext context) : IPlanExpressionVisitor<object?>
{
    private static readonly string[] EngagementEvents = ["email.open", "email.click", "purchase"];
    private static readonly object True = true;
    private static readonly object False = false;

    public static bool Holds(PlanExpression expression, EvaluationContext context) =>
        expression.Accept(new ExpressionEvaluator(context)) is true;

    /// <summary>The expression's value (text, number, yes/no, date, instant), or null when it has none.</summary>
    public static object? Evaluate(PlanExpression expression, EvaluationContext context) =>
        expression.Accept(new ExpressionEvaluator(context));

    public object? VisitText(TextLiteral node) => node.Value;

    public object? VisitNumber(NumberLiteral node) => node.Value;

    public object? VisitPercent(PercentLiteral node) => node.Value;

    public object? VisitBool(BoolLiteral node) => node.Value;

    public object? VisitDuration(DurationLiteral node) => (decimal)node.Seconds;

    public object? VisitMoney(MoneyLiteral node) => node.Amount;

    public object? VisitDate(DateLiteral node) => DateOnly.ParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public object? VisitTime(TimeLiteral node) => TimeOnly.ParseExact(node.Value, "HH:mm", CultureInfo.InvariantCulture);

    public object? VisitList(ListLiteral node) => node.Items.Select(i => i.Accept(this)).ToList();

    public object? VisitAttribute(AttributeReference node)
    {
        var contact = context.History.Contact;
        return node.Name switch
        {
            CanonicalFields.Id => contact.Id,
            "email" => contact.Email,
            "phone" => contact.Phone,
            "first_name" => contact.FirstName,
            "last_name" => contact.LastName,
            "timezone" => contact.TimeZone,
            "locale" => contact.Locale,
            "subscribed" => contact.Subscribed,
            "created_at" => contact.CreatedAt,
            _ => contact.Attributes.TryGetValue(node.Name, out var value) ? FromData(value) : null,
        };
    }

    public object? VisitEventField(EventFieldReference node)
    {
        if (context.CurrentEvent is not { } e || !string.Equals(e.Type, node.Event, StringComparison.Ordinal))
        {
            return null;
        }

        return node.Field switch
        {
            "amount" => e.Amount,
            "at" => e.At,
            _ => e.Properties.TryGetValue(node.Field, out var value) ? FromData(value) : null,
        };
    }

    public object? VisitSegment(SegmentReference node) =>
        context.Segments.TryGetValue(node.Name, out var segment) && segment.Condition.Accept(this) is true;

    public object? VisitAggregate(EventAggregate node)
    {
        DateTimeOffset? after = node.WindowSeconds is { } window ? context.Now.AddSeconds(-window) : null;

        // count, first and last run on every entry check of every contact: plain loops over the history, oldest
        // first, stopping at Now, with no enumerators or closures (History.Between's results, without its cost).
        switch (node.Function)
        {
            case "count":
                return (decimal)Count(context.History, node.Event, after, context.Now, stopAtFirst: false);
            case "first":
                return Find(context.History, node.Event, after, context.Now, last: false);
            case "last":
                return Find(context.History, node.Event, after, context.Now, last: true);
        }

        var events = context.History.Between(node.Event, after, context.Now);
        var values = events.Select(e => Field(e, node.Field ?? "amount")).OfType<decimal>().ToList();
        return node.Function switch
        {
            "sum" => values.Sum(),
            "avg" => values.Count == 0 ? null : values.Average(),
            "min" => values.Count == 0 ? null : values.Min(),
            "max" => values.Count == 0 ? null : values.Max(),
            _ => null,
        };
    }

    public object? VisitRfm(RfmScore node) =>
        (decimal)context.Rfm.Score(node.Dimension, context.History, context.Now);

    public object? VisitBehaviour(BehaviourTest node)
    {
        if (context.Enrollment is not { } enrollment)
        {
            return false;
        }

        var since = node.Stage is null ? enrollment.EnteredAt : enrollment.StageRanAt(node.Stage);
        if (since is null)
        {
            return false;
        }

        var after = since.Value.AddTicks(-1);
        return node.Function switch
        {
            "opened" => Count(context.History, "email.open", after, context.Now, stopAtFirst: true) > 0,
            "clicked" => node.Pattern is null
                ? Count(context.History, "email.click", after, context.Now, stopAtFirst: true) > 0
                : context.History.Between("email.click", after, context.Now).Any(e => Matches(node.Pattern, e)),
            "purchased_since" => Count(context.History, "purchase", after, context.Now, stopAtFirst: true) > 0,
            "engaged" => Engaged(context.History, after, context.Now),
            _ => false,
        };
    }

    public object? VisitCall(FunctionCall node)
    {
        var first = node.Arguments.IsDefaultOrEmpty ? null : node.Arguments[0].Accept(this);
        return node.Function switch
        {
            "days_since" => Since(first) is { } span ? (decimal)Math.Floor(span.TotalDays) : null,
            "hours_since" => Since(first) is { } span ? (decimal)Math.Floor(span.TotalHours) : null,
            "lower" => first is string text ? text.ToLowerInvariant() : null,
            "contains" => node.Arguments.Length == 2 && first is string haystack && node.Arguments[1].Accept(this) is string needle
                ? haystack.Contains(needle, StringComparison.OrdinalIgnoreCase)
                : null,
            _ => Plugins.PluginFunctions.Find(node.Function) is { } plugin ? plugin.Invoke([.. node.Arguments.Select(a => a.Accept(this))]) : null,
        };
    }

    public object? VisitComparison(Comparison node)
    {
        var left = node.Left.Accept(this);
        var order = left is decimal number && node.Right is NumberLiteral literal
            ? number.CompareTo(literal.Value)
            : PlanValues.Compare(left, node.Right.Accept(this), context.Zone);
        return order is { } c && node.Operator switch
        {
            "eq" => c == 0,
            "ne" => c != 0,
            "lt" => c < 0,
            "le" => c <= 0,
            "gt" => c > 0,
            "ge" => c >= 0,
            _ => false,
        };
    }

    public object? VisitArithmetic(Arithmetic node)
    {
        var (leftValue, rightValue) = (node.Left.Accept(this), node.Right.Accept(this));
        if (leftValue is DateTimeOffset or DateOnly)
        {
            return node.Operator == "subtract" && rightValue is DateTimeOffset or DateOnly
                ? Elapsed(rightValue, leftValue)
                : Shifted(node.Operator, leftValue, rightValue);
        }

        if (leftValue is not decimal left || rightValue is not decimal right)
        {
            return null;
        }

        return node.Operator switch
        {
            "add" => left + right,
            "subtract" => left - right,
            "multiply" => left * right,
            "divide" => right == 0 ? null : left / right,
            _ => null,
        };
    }

    public object? VisitNegation(Negation node) => node.Operand.Accept(this) is decimal value ? -value : null;

    public object? VisitBetween(BetweenTest node)
    {
        var value = node.Value.Accept(this);

        // The common audience test, days_since(...) between 90 and 365, without boxing the bounds on every check.
        if (value is decimal number && node.Low is NumberLiteral low && node.High is NumberLiteral high)
        {
            return (number >= low.Value && number <= high.Value) != node.Negated;
        }


        var fromLow = PlanValues.Compare(value, node.Low.Accept(this), context.Zone);
        var toHigh = PlanValues.Compare(value, node.High.Accept(this), context.Zone);
        if (fromLow is null || toHigh is null)
        {
            return false;
        }

        return (fromLow >= 0 && toHigh <= 0) != node.Negated;
    }

    public object? VisitInList(InListTest node)
    {
        var value = node.Value.Accept(this);
        if (value is null)
        {
            return false;
        }

        var found = node.Items.Select(i => i.Accept(this)).Any(item => PlanValues.Compare(value, item, context.Zone) == 0);
        return found != node.Negated;
    }

    public object? VisitAnd(AndExpression node)
    {
        foreach (var operand in node.Operands)
        {
            if (operand.Accept(this) is not true)
            {
                return False;
            }
        }

        return True;
    }

    public object? VisitOr(OrExpression node)
    {
        foreach (var operand in node.Operands)
        {
            if (operand.Accept(this) is true)
            {
                return True;
            }
        }

        return False;
    }

    public object? VisitNot(NotExpression node) => node.Operand.Accept(this) is not true;

    /// <summary>
    /// A moment plus or minus a duration is a moment; a moment minus a moment is the duration between them (seconds).
    /// A calendar date stands for its local midnight in the contact's zone, as in <c>days_since</c>; durations are
    /// elapsed time, kept to the millisecond as the stores keep instants. Null when a side is unknown.
    /// </summary>
    private DateTimeOffset? Shifted(string op, object? moment, object? duration)
    {
        if (Milliseconds(moment) is not { } from || op is not ("add" or "subtract") || duration is not decimal seconds)
        {
            return null;
        }

        var shift = DurationMilliseconds(seconds);
        var to = op == "add" ? from + shift : from - shift;
        return to is >= MinMilliseconds and <= MaxMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(to) : null;
    }

    private decimal? Elapsed(object? from, object? to) =>
        Milliseconds(from) is { } start && Milliseconds(to) is { } end ? (end - start) / 1000m : null;

    // The range DateTimeOffset holds; a moment pushed beyond it is unknown, in SQL as in memory.
    internal const long MinMilliseconds = -62_135_596_800_000;
    internal const long MaxMilliseconds = 253_402_300_799_999;

    /// <summary>A duration of <paramref name="seconds"/> in whole milliseconds, half away from zero (as SQL's <c>round</c>).</summary>
    internal static long DurationMilliseconds(decimal seconds) =>
        (long)Math.Round(Math.Clamp(seconds, -1e12m, 1e12m) * 1000m, MidpointRounding.AwayFromZero);

    private long? Milliseconds(object? moment) => moment switch
    {
        DateTimeOffset instant => instant.ToUnixTimeMilliseconds(),
        DateOnly date => LocalClock.ToUtc(date.ToDateTime(TimeOnly.MinValue), context.Zone).ToUnixTimeMilliseconds(),
        _ => null,
    };

    private TimeSpan? Since(object? value) => value switch
    {
        DateTimeOffset instant => context.Now - instant,
        DateOnly date => context.Now - LocalClock.ToUtc(date.ToDateTime(TimeOnly.MinValue), context.Zone),
        _ => null,
    };

    /// <summary>How many events of <paramref name="type"/> fall in (<paramref name="after"/>, <paramref name="until"/>], as <see cref="ContactHistory.Between"/> selects them.</summary>
    private static int Count(ContactHistory history, string type, DateTimeOffset? after, DateTimeOffset until, bool stopAtFirst)
    {
        var count = 0;
        var events = history.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.At > until)
            {
                break;
            }

            if ((after is not { } a || e.At > a) && string.Equals(e.Type, type, StringComparison.Ordinal))
            {
                count++;
                if (stopAtFirst)
                {
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>The moment of the first or last event of <paramref name="type"/> in (<paramref name="after"/>, <paramref name="until"/>]; null when there is none.</summary>
    private static DateTimeOffset? Find(ContactHistory history, string type, DateTimeOffset? after, DateTimeOffset until, bool last)
    {
        DateTimeOffset? found = null;
        var events = history.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.At > until)
            {
                break;
            }

            if ((after is not { } a || e.At > a) && string.Equals(e.Type, type, StringComparison.Ordinal))
            {
                found = e.At;
                if (!last)
                {
                    break;
                }
            }
        }

        return found;
    }

    private static bool Engaged(ContactHistory history, DateTimeOffset after, DateTimeOffset until)
    {
        foreach (var type in EngagementEvents)
        {
            if (Count(history, type, after, until, stopAtFirst: true) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static object? Field(ContactEvent e, string field) =>
        field == "amount" ? e.Amount : e.Properties.TryGetValue(field, out var value) ? FromData(value) : null;

    private static bool Matches(string pattern, ContactEvent click)
    {
        var tag = click.Properties.TryGetValue("tag", out var value) ? value.ToInvariantString()
            : click.Properties.TryGetValue("url", out var url) ? url.ToInvariantString() : "";
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(tag, regex, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    internal static object? FromData(DataValue value) => value switch
    {
        TextValue t => t.Value,
        NumberValue n => n.Value,
        BooleanValue b => b.Value,
        DateValue d => d.Value,
        InstantValue i => i.Value,
        _ => null,
    };
}
