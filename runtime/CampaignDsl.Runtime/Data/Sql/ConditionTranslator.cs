using System.Collections.Frozen;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>
/// Translates a plan condition, evaluated for a contact at instant <c>now</c> with no event at hand (a snapshot
/// audience or a segment), into a WHERE condition over <c>contacts c</c> that selects exactly the contacts for
/// which <see cref="Scheduling.ExpressionEvaluator"/> says it holds. Mirrors the evaluator's rules: an unknown
/// value makes a comparison, <c>between</c> or <c>in</c> false (never NULL: every condition is wrapped with
/// <c>IS TRUE</c>), <c>sum</c> over nothing is 0, values of different types never compare, instants compare with
/// dates by the contact's local date. What it cannot mirror (RFM, behaviour, event fields, times of day, event
/// properties other than <c>amount</c>, attributes stored in several kinds) is refused with a reason.
/// docs/runtime.md ("Push-down to SQL") lists what is pushed down.
/// </summary>
public sealed class ConditionTranslator : IPlanExpressionVisitor<object>
{
    private const long MillisecondsPerDay = 86_400_000;
    private const long MillisecondsPerHour = 3_600_000;

    private readonly ISqlDialect _dialect;
    private readonly SqlSchema _schema;
    private readonly FrozenDictionary<string, PlanSegment> _segments;
    private readonly List<object?> _parameters = [];
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
    private readonly string _now;
    private readonly string _defaultZone;

    private ConditionTranslator(ISqlDialect dialect, SqlSchema schema, FrozenDictionary<string, PlanSegment> segments, DateTimeOffset now, string? defaultZone)
    {
        _dialect = dialect;
        _schema = schema;
        _segments = segments;
        _now = Parameter(now.ToUnixTimeMilliseconds());
        _defaultZone = Parameter(defaultZone);
    }

    /// <summary>
    /// The condition as SQL, or why it cannot be. <paramref name="defaultZone"/> is the campaign's time zone (an IANA id),
    /// used for contacts without a known zone of their own, as <see cref="Scheduling.ScheduledCampaign.ZoneOf"/> does.
    /// </summary>
    public static SqlTranslation Translate(
        PlanExpression condition, ISqlDialect dialect, SqlSchema schema, FrozenDictionary<string, PlanSegment> segments, DateTimeOffset now, string? defaultZone)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (now.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            return SqlTranslation.Refused("the moment has a fraction of a millisecond; the store keeps milliseconds");
        }

        var translator = new ConditionTranslator(dialect, schema, segments, now, defaultZone);
        try
        {
            var where = AsCondition(translator.Value(condition));
            return SqlTranslation.Of(new SqlCondition(where, [.. translator._parameters]));
        }
        catch (NotTranslatableException e)
        {
            return SqlTranslation.Refused(e.Message);
        }
    }

    /// <summary>A campaign's audience (its <c>where</c>; every contact when it has none) at <paramref name="now"/>.</summary>
    public static SqlTranslation TranslateAudience(CampaignPlan plan, ISqlDialect dialect, SqlSchema schema, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Translate(plan.Audience.Where ?? new BoolLiteral("", true), dialect, schema, Scheduling.EvaluationContext.SegmentsOf(plan), now, plan.Campaign.TimeZone);
    }

    public object VisitText(TextLiteral node) => new SqlValue(_dialect.Text(Parameter(node.Value)), SqlValueType.Text, true);

    public object VisitNumber(NumberLiteral node) => Number(node.Value);

    public object VisitPercent(PercentLiteral node) => Number(node.Value);

    public object VisitBool(BoolLiteral node) => node.Value ? SqlValue.True : SqlValue.False;

    public object VisitDuration(DurationLiteral node) => Number(node.Seconds);

    public object VisitMoney(MoneyLiteral node) => Number(node.Amount);

    public object VisitDate(DateLiteral node) =>
        DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? new SqlValue(Parameter(node.Value), SqlValueType.Date, true)
            : throw Refuse(node, $"the date `{node.Value}` is not yyyy-MM-dd");

    public object VisitTime(TimeLiteral node) => throw Refuse(node, "times of day are not pushed down");

    public object VisitList(ListLiteral node) => throw Refuse(node, "a list is pushed down only as the right side of `in`");

    public object VisitAttribute(AttributeReference node) => node.Name switch
    {
        CanonicalFields.Id => new SqlValue("c.id", SqlValueType.Text, true),
        "email" or "phone" or "first_name" or "last_name" or "timezone" or "locale" => new SqlValue("c." + node.Name, SqlValueType.Text, false),
        "subscribed" => SqlValue.Condition("(c.subscribed = 1)"),
        "created_at" => new SqlValue("c.created_at", SqlValueType.Instant, false),
        _ => CustomAttribute(node),
    };

    public object VisitEventField(EventFieldReference node) => throw Refuse(node, $"`{node.Event}.{node.Field}` reads the event at hand, which only entry by event has");

    public object VisitSegment(SegmentReference node)
    {
        if (!_segments.TryGetValue(node.Name, out var segment))
        {
            return SqlValue.False;
        }

        if (!_expanding.Add(node.Name))
        {
            throw Refuse(node, $"segment `{node.Name}` refers to itself");
        }

        var condition = AsCondition(Value(segment.Condition));
        _expanding.Remove(node.Name);
        return SqlValue.Condition(condition);
    }

    public object VisitAggregate(EventAggregate node)
    {
        var from = $"FROM {_dialect.EventsOfContact} WHERE e.contact_id = c.id AND e.type = {Parameter(node.Event)} AND e.at <= {_now}";
        if (node.WindowSeconds is { } window)
        {
            from += $" AND e.at > {_now} - {Parameter(window * 1000)}";
        }

        string Column()
        {
            var field = node.Field ?? "amount";
            return field == "amount" ? "e.amount" : throw Refuse(node, $"`{node.Function}` of the event property `{field}` is not pushed down (only `amount`)");
        }

        return node.Function switch
        {
            "count" => new SqlValue($"(SELECT count(*) {from})", SqlValueType.Number, true),
            "first" => new SqlValue($"(SELECT min(e.at) {from})", SqlValueType.Instant, false),
            "last" => new SqlValue($"(SELECT max(e.at) {from})", SqlValueType.Instant, false),

            // The evaluator sums decimals read back at 15 significant digits; rounding the double sum keeps a total
            // of cents from landing a hair below a threshold it reaches exactly.
            "sum" => new SqlValue($"COALESCE((SELECT {_dialect.Round($"sum({Column()})", 9)} {from}), 0)", SqlValueType.Number, true),
            "avg" => new SqlValue($"(SELECT {_dialect.Round($"sum({Column()})", 9)} / NULLIF(count({Column()}), 0) {from})", SqlValueType.Number, false),
            "min" => new SqlValue($"(SELECT min({Column()}) {from})", SqlValueType.Number, false),
            "max" => new SqlValue($"(SELECT max({Column()}) {from})", SqlValueType.Number, false),
            _ => SqlValue.Unknown,
        };
    }

    public object VisitRfm(RfmScore node) => throw Refuse(node, "RFM quintiles rank a contact within the audience, measured in memory");

    public object VisitBehaviour(BehaviourTest node) => throw Refuse(node, $"`{node.Function}` depends on the contact's pass through the campaign");

    public object VisitCall(FunctionCall node)
    {
        var arguments = node.Arguments.Select(Value).ToList();
        var first = arguments.ElementAtOrDefault(0);
        switch (node.Function)
        {
            case "days_since" or "hours_since":
                var unit = node.Function == "days_since" ? MillisecondsPerDay : MillisecondsPerHour;
                return first?.Type switch
                {
                    SqlValueType.Instant => new SqlValue(_dialect.FloorDivide($"{_now} - {first.Sql}", unit), SqlValueType.Number, false),
                    SqlValueType.Date => new SqlValue(_dialect.FloorDivide($"{_now} - {_dialect.LocalMidnight(first.Sql, "c.timezone", _defaultZone)}", unit), SqlValueType.Number, false),
                    _ => SqlValue.Unknown,
                };
            case "lower":
                return first?.Type == SqlValueType.Text ? new SqlValue(_dialect.Lower(first.Sql), SqlValueType.Text, false) : SqlValue.Unknown;
            case "contains":
                return arguments is [{ Type: SqlValueType.Text } haystack, { Type: SqlValueType.Text } needle]
                    ? new SqlValue($"({_dialect.ContainsIgnoringCase(haystack.Sql, needle.Sql)} = 1)", SqlValueType.Boolean, false)
                    : SqlValue.Unknown;
            case var name when Plugins.PluginFunctions.Find(name) is not null:
                throw new NotTranslatableException($"`{name}` is a plugin function, which only runs in memory");
            default:
                return SqlValue.Unknown;
        }
    }

    public object VisitComparison(Comparison node)
    {
        var op = node.Operator switch
        {
            "eq" => "=",
            "ne" => "<>",
            "lt" => "<",
            "le" => "<=",
            "gt" => ">",
            "ge" => ">=",
            _ => null,
        };
        return op is not null && Comparable(Value(node.Left), Value(node.Right)) is var (left, right)
            ? SqlValue.Condition($"(({left} {op} {right}) IS TRUE)")
            : SqlValue.False;
    }

    public object VisitArithmetic(Arithmetic node)
    {
        var (left, right) = (Value(node.Left), Value(node.Right));
        if (left.Type is SqlValueType.Instant or SqlValueType.Date)
        {
            return MomentArithmetic(node.Operator, left, right);
        }

        if (left.Type != SqlValueType.Number || right.Type != SqlValueType.Number)
        {
            return SqlValue.Unknown;
        }

        var sql = node.Operator switch
        {
            "add" => $"({left.Sql} + {right.Sql})",
            "subtract" => $"({left.Sql} - {right.Sql})",
            "multiply" => $"({left.Sql} * {right.Sql})",
            "divide" => $"({_dialect.ToDouble(left.Sql)} / NULLIF({right.Sql}, 0))",
            _ => null,
        };
        return sql is null ? SqlValue.Unknown : new SqlValue(sql, SqlValueType.Number, false);
    }

    public object VisitNegation(Negation node) =>
        Value(node.Operand) is { Type: SqlValueType.Number } value ? new SqlValue($"(-{value.Sql})", SqlValueType.Number, value.NeverNull) : SqlValue.Unknown;

    public object VisitBetween(BetweenTest node)
    {
        var value = Value(node.Value);
        if (Comparable(value, Value(node.Low)) is not var (v1, low) || Comparable(value, Value(node.High)) is not var (v2, high))
        {
            return SqlValue.False;
        }

        return SqlValue.Condition(node.Negated
            ? $"({v1} IS NOT NULL AND {low} IS NOT NULL AND {v2} IS NOT NULL AND {high} IS NOT NULL AND ({v1} < {low} OR {v2} > {high}))"
            : $"(({v1} >= {low}) IS TRUE AND ({v2} <= {high}) IS TRUE)");
    }

    public object VisitInList(InListTest node)
    {
        var value = Value(node.Value);
        if (value.Type == SqlValueType.Unknown)
        {
            return SqlValue.False;
        }

        var equal = node.Items.Select(Value).Select(item => Comparable(value, item)).OfType<(string, string)>()
            .Select(pair => $"(({pair.Item1} = {pair.Item2}) IS TRUE)").ToList();
        var found = equal.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", equal) + ")";
        return SqlValue.Condition(node.Negated ? $"({value.Sql} IS NOT NULL AND NOT {found})" : found);
    }

    public object VisitAnd(AndExpression node) =>
        SqlValue.Condition(node.Operands.Length == 0 ? "TRUE" : "(" + string.Join(" AND ", node.Operands.Select(o => AsCondition(Value(o)))) + ")");

    public object VisitOr(OrExpression node) =>
        SqlValue.Condition(node.Operands.Length == 0 ? "FALSE" : "(" + string.Join(" OR ", node.Operands.Select(o => AsCondition(Value(o)))) + ")");

    public object VisitNot(NotExpression node) => SqlValue.Condition($"(NOT {AsCondition(Value(node.Operand))})");

    private SqlValue Value(PlanExpression node) => (SqlValue)node.Accept(this);

    /// <summary>A value used as a condition holds only when it is true: unknown and non-boolean values do not.</summary>
    private static string AsCondition(SqlValue value) => value.Type switch
    {
        SqlValueType.Boolean when value.NeverNull => value.Sql,
        SqlValueType.Boolean => $"(({value.Sql}) IS TRUE)",
        _ => "FALSE",
    };

    /// <summary>
    /// The two sides in a form SQL compares as <see cref="Scheduling.PlanValues.Compare"/> does, or null when that
    /// comparison is always unknown (an unknown side, or types that never compare).
    /// </summary>
    private (string, string)? Comparable(SqlValue left, SqlValue right) => (left.Type, right.Type) switch
    {
        (SqlValueType.Unknown, _) or (_, SqlValueType.Unknown) => null,
        (SqlValueType.Instant, SqlValueType.Date) => (LocalDate(left), right.Sql),
        (SqlValueType.Date, SqlValueType.Instant) => (left.Sql, LocalDate(right)),
        var (a, b) when a == b => (left.Sql, right.Sql),
        _ => null,
    };

    /// <summary>
    /// As <see cref="Scheduling.ExpressionEvaluator"/>: a moment ± a duration (seconds, rounded to milliseconds) is an
    /// instant, unknown beyond the range an instant holds; a moment - a moment is the seconds between them; a date is
    /// its local midnight. Rounding goes through the dialect's <c>round</c>, half away from zero as in .NET.
    /// </summary>
    private SqlValue MomentArithmetic(string op, SqlValue left, SqlValue right)
    {
        var from = Milliseconds(left);
        switch (op, right.Type)
        {
            case ("add" or "subtract", SqlValueType.Number):
                var shifted = $"({from} {(op == "add" ? "+" : "-")} {_dialect.Round($"{ClampedSeconds(right.Sql)} * 1000", 0)})";
                var range = $"{Scheduling.ExpressionEvaluator.MinMilliseconds.ToString(CultureInfo.InvariantCulture)} AND {Scheduling.ExpressionEvaluator.MaxMilliseconds.ToString(CultureInfo.InvariantCulture)}";
                return new SqlValue($"(CASE WHEN {shifted} BETWEEN {range} THEN {_dialect.ToInteger(shifted)} END)", SqlValueType.Instant, false);
            case ("subtract", SqlValueType.Instant or SqlValueType.Date):
                return new SqlValue($"({_dialect.ToDouble($"{from} - {Milliseconds(right)}")} / 1000)", SqlValueType.Number, false);
            default:
                return SqlValue.Unknown;
        }
    }

    /// <summary>Seconds held within ±10^12, as the evaluator holds them before counting milliseconds.</summary>
    private static string ClampedSeconds(string seconds) =>
        $"(CASE WHEN {seconds} > 1000000000000 THEN 1000000000000 WHEN {seconds} < -1000000000000 THEN -1000000000000 ELSE {seconds} END)";

    private string Milliseconds(SqlValue moment) =>
        moment.Type == SqlValueType.Date ? _dialect.LocalMidnight(moment.Sql, "c.timezone", _defaultZone) : moment.Sql;

    private string LocalDate(SqlValue instant) => _dialect.LocalDate(instant.Sql, "c.timezone", _defaultZone);

    private SqlValue CustomAttribute(AttributeReference node)
    {
        if (!_schema.AttributeKinds.TryGetValue(node.Name, out var kinds) || kinds.Count == 0)
        {
            return SqlValue.Unknown;
        }

        if (kinds.Count > 1)
        {
            throw Refuse(node, $"the attribute `{node.Name}` is stored as {string.Join(" and ", kinds.Order())} in different contacts");
        }

        var lookup = $"FROM contact_attributes a WHERE a.contact_id = c.id AND a.name = {Parameter(node.Name)}";
        return kinds.Single() switch
        {
            DataValueKind.Number => new SqlValue($"(SELECT a.value_number {lookup})", SqlValueType.Number, false),
            DataValueKind.Boolean => new SqlValue($"(SELECT a.value_text = 'true' {lookup})", SqlValueType.Boolean, false),
            DataValueKind.Date => new SqlValue($"(SELECT a.value_text {lookup})", SqlValueType.Date, false),
            DataValueKind.Instant => new SqlValue(_dialect.InstantOfText($"(SELECT a.value_text {lookup})"), SqlValueType.Instant, false),
            _ => new SqlValue($"(SELECT a.value_text {lookup})", SqlValueType.Text, false),
        };
    }

    // Numbers are bound as doubles: bound as decimals they would travel as text and compare as text.
    private SqlValue Number(decimal value) => new(Parameter((double)value), SqlValueType.Number, true);

    private string Parameter(object? value)
    {
        _parameters.Add(value);
        return _dialect.Parameter(_parameters.Count - 1);
    }

    private static NotTranslatableException Refuse(PlanExpression node, string reason) =>
        new(string.IsNullOrEmpty(node.Id) ? reason : $"{reason} (node {node.Id})");
}
