using System.Globalization;
using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>
/// Evaluates a checked mapping expression over one row. A column is text; arithmetic and ordering
/// read it as a number (invariant culture, <c>.</c> for decimals) and fail the row when it is not
/// one. Comparisons between a number and a text compare numbers when the text is one, otherwise they
/// are simply unequal. A row that cannot be evaluated throws <see cref="RowValueException"/>, which
/// the mapper turns into a bad row with its line.
/// </summary>
internal sealed class RowEvaluator(TimestampReader timestamps) : IExpressionVisitor<DataValue>
{
    private static readonly TextValue Empty = new("");

    public IRow Row { get; set; } = null!;

    public DataValue Evaluate(Expression expression) => expression.Accept(this);

    public DataValue VisitMissing(MissingExpression node) => Empty;

    public DataValue VisitString(StringLiteral node) => new TextValue(node.Value);

    public DataValue VisitNumber(NumberLiteral node) => new NumberValue(node.Value);

    public DataValue VisitPercent(PercentLiteral node) => new NumberValue(node.Value / 100m);

    public DataValue VisitBoolean(BooleanLiteral node) => DataValue.Boolean(node.Value);

    public DataValue VisitDuration(DurationLiteral node) => throw new RowValueException("a duration has no value in a column mapping");

    public DataValue VisitMoney(MoneyLiteral node) => new NumberValue(node.Amount);

    public DataValue VisitDate(DateLiteral node) => new DateValue(node.Value);

    public DataValue VisitTime(TimeLiteral node) => throw new RowValueException("a time of day has no value in a column mapping");

    public DataValue VisitTimeRange(TimeRangeLiteral node) => throw new RowValueException("a time range has no value in a column mapping");

    public DataValue VisitList(ListExpression node) => throw new RowValueException("a list is only allowed after `in`");

    public DataValue VisitParenthesized(ParenthesizedExpression node) => node.Inner.Accept(this);

    public DataValue VisitLastEvent(LastEventExpression node) => throw new RowValueException("`last` has no value in a column mapping");

    public DataValue VisitName(NameReference node) => Column(node.Name);

    public DataValue VisitUnary(UnaryExpression node)
    {
        var operand = node.Operand.Accept(this);
        return node.Operator == UnaryOperator.Not
            ? DataValue.Boolean(!Truth(operand, node.Operand))
            : new NumberValue(-Number(operand, node.Operand));
    }

    public DataValue VisitBinary(BinaryExpression node)
    {
        switch (node.Operator)
        {
            case BinaryOperator.And:
                return DataValue.Boolean(Truth(node.Left.Accept(this), node.Left) && Truth(node.Right.Accept(this), node.Right));
            case BinaryOperator.Or:
                return DataValue.Boolean(Truth(node.Left.Accept(this), node.Left) || Truth(node.Right.Accept(this), node.Right));
        }

        var left = node.Left.Accept(this);
        var right = node.Right.Accept(this);
        return node.Operator switch
        {
            BinaryOperator.Equal => DataValue.Boolean(AreEqual(left, right)),
            BinaryOperator.NotEqual => DataValue.Boolean(!AreEqual(left, right)),
            BinaryOperator.Less => DataValue.Boolean(Compare(left, right, node) < 0),
            BinaryOperator.LessOrEqual => DataValue.Boolean(Compare(left, right, node) <= 0),
            BinaryOperator.Greater => DataValue.Boolean(Compare(left, right, node) > 0),
            BinaryOperator.GreaterOrEqual => DataValue.Boolean(Compare(left, right, node) >= 0),
            BinaryOperator.Add => new NumberValue(Number(left, node.Left) + Number(right, node.Right)),
            BinaryOperator.Subtract => new NumberValue(Number(left, node.Left) - Number(right, node.Right)),
            BinaryOperator.Multiply => new NumberValue(Multiply(Number(left, node.Left), Number(right, node.Right))),
            _ => new NumberValue(Divide(Number(left, node.Left), Number(right, node.Right), node)),
        };
    }

    public DataValue VisitBetween(BetweenExpression node)
    {
        var value = node.Value.Accept(this);
        var inside = Compare(value, node.Low.Accept(this), node) >= 0 && Compare(value, node.High.Accept(this), node) <= 0;
        return DataValue.Boolean(inside != node.Negated);
    }

    public DataValue VisitInList(InListExpression node)
    {
        var value = node.Value.Accept(this);
        var found = node.List.Items.Any(item => AreEqual(value, item.Accept(this)));
        return DataValue.Boolean(found != node.Negated);
    }

    public DataValue VisitCall(CallExpression node)
    {
        var args = node.Arguments;
        DataValue Arg(int i) => args[i].Value.Accept(this);
        string Text(int i) => TextOf(Arg(i));
        switch (node.Function.Name)
        {
            case "column":
                return Column(((StringLiteral)args[0].Value).Value);
            case "starts_with":
                return DataValue.Boolean(Text(0).StartsWith(Text(1), StringComparison.Ordinal));
            case "ends_with":
                return DataValue.Boolean(Text(0).EndsWith(Text(1), StringComparison.Ordinal));
            case "contains":
                return DataValue.Boolean(Text(0).Contains(Text(1), StringComparison.Ordinal));
            case "lower":
                return new TextValue(Text(0).ToLowerInvariant());
            case "upper":
                return new TextValue(Text(0).ToUpperInvariant());
            case "trim":
                return new TextValue(Text(0).Trim());
            case "empty":
                return DataValue.Boolean(TextOf(Arg(0)).Trim().Length == 0);
            case "number":
                return new NumberValue(Number(Arg(0), args[0].Value));
            case "text":
                return new TextValue(Text(0));
            case "abs":
                return new NumberValue(Math.Abs(Number(Arg(0), args[0].Value)));
            case "round":
                var digits = args.Length > 1 ? (int)Number(Arg(1), args[1].Value) : 0;
                return new NumberValue(Math.Round(Number(Arg(0), args[0].Value), Math.Clamp(digits, 0, 28), MidpointRounding.AwayFromZero));
            case "if":
                return Truth(Arg(0), args[0].Value) ? Arg(1) : Arg(2);
            case "coalesce":
                for (var i = 0; i < args.Length; i++)
                {
                    var value = Arg(i);
                    if (value is not TextValue { Value.Length: 0 })
                    {
                        return value;
                    }
                }

                return Empty;
            case "date":
                return ReadDate(Arg(0), args.Length > 1 ? Text(1) : null, args[0].Value);
            default:
                return ReadTimestamp(Arg(0), args.Length > 1 ? Text(1) : null, args[0].Value);
        }
    }

    /// <summary>A value as text: numbers invariant, instants ISO 8601.</summary>
    public static string TextOf(DataValue value) => value.ToInvariantString();

    /// <summary>A value as a number: a number, or a text that reads as one.</summary>
    public static decimal Number(DataValue value, Expression? from)
    {
        switch (value)
        {
            case NumberValue n:
                return n.Value;
            case TextValue t when TryNumber(t.Value, out var parsed):
                return parsed;
            case TextValue { Value: var text } when text.Trim().Length == 0:
                throw new RowValueException($"{Describe(from)} is empty where a number is needed");
            default:
                throw new RowValueException($"{Describe(from)} is '{Shorten(value.ToInvariantString())}', not a number");
        }
    }

    public static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A value as yes or no: a boolean, or a text true/false, yes/no, y/n, 1/0 (any case).</summary>
    public static bool Truth(DataValue value, Expression? from) => value switch
    {
        BooleanValue b => b.Value,
        TextValue t when TryTruth(t.Value, out var parsed) => parsed,
        NumberValue n when n.Value is 0 or 1 => n.Value == 1,
        _ => throw new RowValueException($"{Describe(from)} is '{Shorten(value.ToInvariantString())}', not yes/no (true/false, yes/no, 1/0)"),
    };

    public static bool TryTruth(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "t":
                value = true;
                return true;
            case "false" or "no" or "n" or "0" or "f":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private TextValue Column(string name)
    {
        var column = Row.ColumnOf(name) ?? throw new RowValueException($"the file has no column `{name}`");
        return new TextValue(Row.Field(column));
    }

    private DataValue ReadDate(DataValue value, string? format, Expression from)
    {
        switch (value)
        {
            case DateValue:
                return value;
            case InstantValue instant:
                return new DateValue(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant.Value, timestamps.Zone).DateTime));
        }

        var text = TextOf(value).Trim();
        var ok = format is null
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            : DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        return ok ? new DateValue(date) : throw new RowValueException($"{Describe(from)} is '{Shorten(text)}', not a date in the format {format ?? "yyyy-MM-dd"}");
    }

    private DataValue ReadTimestamp(DataValue value, string? format, Expression from)
    {
        switch (value)
        {
            case InstantValue:
                return value;
            case DateValue date:
                return DataValue.Instant(timestamps.StartOf(date.Value));
        }

        var reader = format is null ? timestamps : new TimestampReader(timestamps.Zone, format);
        var text = TextOf(value);
        return reader.Read(text) is { } instant
            ? DataValue.Instant(instant)
            : throw new RowValueException($"{Describe(from)} is '{Shorten(text)}', not {reader.Describe()}");
    }

    private static bool AreEqual(DataValue left, DataValue right)
    {
        if (left.Kind == right.Kind)
        {
            return left.Equals(right);
        }

        return (left, right) switch
        {
            (NumberValue n, TextValue t) => TryNumber(t.Value, out var v) && v == n.Value,
            (TextValue t, NumberValue n) => TryNumber(t.Value, out var v) && v == n.Value,
            (BooleanValue b, TextValue t) => TryTruth(t.Value, out var v) && v == b.Value,
            (TextValue t, BooleanValue b) => TryTruth(t.Value, out var v) && v == b.Value,
            _ => string.Equals(left.ToInvariantString(), right.ToInvariantString(), StringComparison.Ordinal),
        };
    }

    private static int Compare(DataValue left, DataValue right, Expression node) => (left, right) switch
    {
        (TextValue a, TextValue b) when TryNumber(a.Value, out var x) && TryNumber(b.Value, out var y) => x.CompareTo(y),
        (TextValue a, TextValue b) => string.CompareOrdinal(a.Value, b.Value),
        (DateValue a, DateValue b) => a.Value.CompareTo(b.Value),
        (InstantValue a, InstantValue b) => a.Value.CompareTo(b.Value),
        (DateValue a, TextValue b) when DateOnly.TryParseExact(b.Value, "yyyy-MM-dd", out var d) => a.Value.CompareTo(d),
        (TextValue a, DateValue b) when DateOnly.TryParseExact(a.Value, "yyyy-MM-dd", out var d) => d.CompareTo(b.Value),
        _ => Number(left, node).CompareTo(Number(right, node)),
    };

    private static decimal Multiply(decimal a, decimal b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            throw new RowValueException("the result is too large");
        }
    }

    private static decimal Divide(decimal a, decimal b, Expression node) =>
        b == 0 ? throw new RowValueException($"division by zero in `{Describe(node)}`") : a / b;

    private static string Describe(Expression? node) => node switch
    {
        NameReference name => $"`{name.Name}`",
        CallExpression { Function.Name: "column" } call when call.Arguments[0].Value is StringLiteral s => $"column \"{s.Value}\"",
        null => "the value",
        _ => "the value",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
