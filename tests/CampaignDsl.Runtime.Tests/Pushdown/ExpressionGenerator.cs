using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>Random plan conditions over the attributes and events of the test data, from a seed: the same seed, the same expressions.</summary>
internal sealed class ExpressionGenerator(int seed)
{
    private readonly Random _random = new(seed);
    private int _id;

    /// <summary>The segments generated conditions may refer to.</summary>
    public FrozenDictionary<string, PlanSegment> Segments { get; } = new Dictionary<string, PlanSegment>
    {
        ["big_spender"] = new("s1", "big_spender", new Comparison("s1c", "ge", new EventAggregate("s1a", "sum", "purchase", null, null), new MoneyLiteral("s1m", 500, "EUR"))),
        ["recent"] = new("s2", "recent", new Comparison("s2c", "ge", new EventAggregate("s2a", "count", "purchase", null, 30 * 86400), new NumberLiteral("s2n", 1))),
        ["recent_big"] = new("s3", "recent_big", new AndExpression("s3c", [new SegmentReference("s3a", "recent"), new SegmentReference("s3b", "big_spender")])),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public PlanExpression Condition(int depth = 3)
    {
        var choice = _random.Next(depth <= 0 ? 5 : 9);
        return choice switch
        {
            0 or 1 => new Comparison(Id(), Pick("eq", "ne", "lt", "le", "gt", "ge"), Value(depth - 1, out var category), _random.Next(8) == 0 ? Value(depth - 1, out _) : Value(category, depth - 1)),
            2 => Between(depth),
            3 => InList(depth),
            4 => Truth(),
            5 => new AndExpression(Id(), [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Condition(depth - 1))]),
            6 => new OrExpression(Id(), [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Condition(depth - 1))]),
            7 => new NotExpression(Id(), Condition(depth - 1)),
            _ => new SegmentReference(Id(), Pick("big_spender", "recent", "recent_big", "no_such_segment")),
        };
    }

    /// <summary>
    /// A comparison of moments or durations made with date arithmetic: instants and dates plus or minus durations,
    /// moments minus moments, compared with each other, with dates, or with durations.
    /// </summary>
    public PlanExpression MomentCondition(int depth = 2) => _random.Next(5) switch
    {
        0 or 1 => new Comparison(Id(), Pick("eq", "ne", "lt", "le", "gt", "ge"), Moment(depth), Moment(depth - 1)),
        2 => new Comparison(Id(), Pick("eq", "ne", "lt", "le", "gt", "ge"), Duration(depth), Duration(depth - 1)),
        3 => new BetweenTest(Id(), Duration(depth), Duration(0), Duration(0), _random.Next(2) == 0),
        _ => new BetweenTest(Id(), Moment(depth), Moment(0), Moment(depth - 1), _random.Next(2) == 0),
    };

    /// <summary>An instant or a calendar date, possibly moved by a duration.</summary>
    private PlanExpression Moment(int depth) => _random.Next(depth <= 0 ? 4 : 7) switch
    {
        0 => Attribute("created_at", "date"),
        1 => Attribute("birthday", "date"),
        2 => new EventAggregate(Id(), Pick("last", "first"), Pick("purchase", "email.open"), null, Window()),
        3 => new DateLiteral(Id(), Pick("2026-01-05", "2026-01-04", "2025-12-06", "2000-01-05", "2024-02-29", "2026-03-29")),
        _ => new Arithmetic(Id(), Pick("add", "subtract"), Moment(depth - 1), Duration(depth - 1)),
    };

    /// <summary>A duration: a literal, the time between two moments, or a multiple of one.</summary>
    private PlanExpression Duration(int depth) => _random.Next(depth <= 0 ? 2 : 5) switch
    {
        0 => new DurationLiteral(Id(), Pick(0L, 1L, 3600L, 86400L, 30 * 86400L, 365 * 86400L, 9 * 3600L + 1)),
        1 => new Negation(Id(), new DurationLiteral(Id(), Pick(86400L, 3600L))),
        2 or 3 => new Arithmetic(Id(), "subtract", Moment(depth - 1), Moment(depth - 1)),
        _ => new Arithmetic(Id(), Pick("multiply", "divide"), Duration(depth - 1), new NumberLiteral(Id(), Pick(2m, 3m, 7m, 1000m))),
    };

    private BetweenTest Between(int depth)
    {
        var value = Value(depth - 1, out var category);
        return new BetweenTest(Id(), value, Value(category, depth - 1), Value(category, depth - 1), _random.Next(2) == 0);
    }

    private InListTest InList(int depth)
    {
        var value = Value(depth - 1, out var category);
        return new InListTest(Id(), value, [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => _random.Next(6) == 0 ? Value(depth - 1, out _) : Value(category, depth - 1))], _random.Next(2) == 0);
    }

    private PlanExpression Truth() => _random.Next(6) switch
    {
        0 => Attribute("subscribed", "bool"),
        1 => Attribute("vip", "bool"),
        2 => new BoolLiteral(Id(), _random.Next(2) == 0),
        3 => new FunctionCall(Id(), "contains", [Value(0, 1), new TextLiteral(Id(), Pick("example", "EXAMPLE.com", "åsa", ""))]),
        4 => Attribute("lifetime_value", "money"),
        _ => new SegmentReference(Id(), "recent"),
    };

    private PlanExpression Value(int depth, out int category)
    {
        category = _random.Next(4);
        return Value(category, depth);
    }

    /// <summary>0 numbers, 1 text, 2 dates and instants, 3 yes/no.</summary>
    private PlanExpression Value(int category, int depth) => category switch
    {
        0 => Number(depth),
        1 => _random.Next(7) switch
        {
            0 => Attribute("email", "text"),
            1 => Attribute("country", "text"),
            2 => Attribute("score", "text"),
            3 => Attribute("nickname", "text"),
            4 => new FunctionCall(Id(), "lower", [Attribute(Pick("email", "first_name"), "text")]),
            5 => Attribute("timezone", "text"),
            _ => new TextLiteral(Id(), Pick("NL", "US", "åsa@example.com", "anna@example.com", "", "10", "Åsa")),
        },
        2 => _random.Next(6) switch
        {
            0 => Attribute("created_at", "date"),
            1 => Attribute("birthday", "date"),
            2 => new EventAggregate(Id(), Pick("last", "first"), Pick("purchase", "email.open"), null, Window()),
            3 when depth > 0 => Moment(depth),
            _ => new DateLiteral(Id(), Pick("2026-01-05", "2026-01-04", "2025-12-06", "2000-01-05", "2024-02-29")),
        },
        _ => Truth(),
    };

    private PlanExpression Number(int depth)
    {
        var choice = _random.Next(depth <= 0 ? 6 : 9);
        return choice switch
        {
            0 => new EventAggregate(Id(), Pick("count", "sum", "avg", "min", "max"), Pick("purchase", "email.open", "visit"), _random.Next(3) == 0 ? "amount" : null, Window()),
            1 => Attribute(Pick("lifetime_value", "score", "nickname"), "number"),
            2 => new FunctionCall(Id(), Pick("days_since", "hours_since"), [Value(2, 0)]),
            3 => new NumberLiteral(Id(), Pick(0m, 1m, 2m, 3m, 30m, 31m, 500m, 499.99m, -10m, 0.3m, 1000000.01m, 100m)),
            4 => new MoneyLiteral(Id(), Pick(500m, 100m, 0m), "EUR"),
            5 => new DurationLiteral(Id(), Pick(86400L, 3600L)),
            6 => new Arithmetic(Id(), Pick("add", "subtract", "multiply", "divide"), Number(depth - 1), Number(depth - 1)),
            7 => Duration(depth),
            _ => new Negation(Id(), Number(depth - 1)),
        };
    }

    private long? Window() => _random.Next(3) == 0 ? null : Pick(30L, 31L, 90L, 365L, 548L) * 86400;

    private AttributeReference Attribute(string name, string type) => new(Id(), name, type);

    private string Id() => "g" + (_id++).ToString(CultureInfo.InvariantCulture);

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];
}
