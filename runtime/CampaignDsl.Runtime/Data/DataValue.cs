using System.Globalization;

namespace CampaignDsl.Runtime.Data;

/// <summary>The kinds of value a custom attribute or an event property holds.</summary>
public enum DataValueKind
{
    Text,
    Number,
    Boolean,
    Date,
    Instant,
}

/// <summary>
/// A typed value of a custom contact attribute or an event property. Money and percentages are
/// numbers here (the plan knows what they mean); an instant is always in UTC.
/// </summary>
public abstract record DataValue
{
    public abstract DataValueKind Kind { get; }

    /// <summary>The value as text in invariant, round-trippable form (what the store and the timeline write).</summary>
    public abstract string ToInvariantString();

    public static DataValue Text(string value) => new TextValue(value);

    public static DataValue Number(decimal value) => new NumberValue(value);

    public static DataValue Boolean(bool value) => value ? BooleanValue.True : BooleanValue.False;

    public static DataValue Date(DateOnly value) => new DateValue(value);

    public static DataValue Instant(DateTimeOffset value) => new InstantValue(value.ToUniversalTime());

    /// <summary>Reads back what <see cref="ToInvariantString"/> wrote for a value of <paramref name="kind"/>; null when it does not parse.</summary>
    public static DataValue? Parse(DataValueKind kind, string text) => kind switch
    {
        DataValueKind.Text => new TextValue(text),
        DataValueKind.Number => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? new NumberValue(n) : null,
        DataValueKind.Boolean => bool.TryParse(text, out var b) ? Boolean(b) : null,
        DataValueKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? new DateValue(d) : null,
        _ => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var i) ? Instant(i) : null,
    };
}

public sealed record TextValue(string Value) : DataValue
{
    public override DataValueKind Kind => DataValueKind.Text;

    public override string ToInvariantString() => Value;
}

public sealed record NumberValue(decimal Value) : DataValue
{
    public override DataValueKind Kind => DataValueKind.Number;

    public override string ToInvariantString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record BooleanValue(bool Value) : DataValue
{
    public static readonly BooleanValue True = new(true);
    public static readonly BooleanValue False = new(false);

    public override DataValueKind Kind => DataValueKind.Boolean;

    public override string ToInvariantString() => Value ? "true" : "false";
}

public sealed record DateValue(DateOnly Value) : DataValue
{
    public override DataValueKind Kind => DataValueKind.Date;

    public override string ToInvariantString() => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A point in time, in UTC.</summary>
public sealed record InstantValue(DateTimeOffset Value) : DataValue
{
    public override DataValueKind Kind => DataValueKind.Instant;

    public override string ToInvariantString() => Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
