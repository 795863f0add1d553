namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>The type of a translated value, as the in-memory evaluator would hold it (<c>decimal</c>, <c>string</c>, ...).</summary>
internal enum SqlValueType
{
    /// <summary>Always unknown (an attribute nobody has, a function of a value of the wrong type).</summary>
    Unknown,
    Number,
    Text,
    Boolean,

    /// <summary>Unix milliseconds, UTC.</summary>
    Instant,

    /// <summary><c>yyyy-MM-dd</c> text: compares as text in date order.</summary>
    Date,
}

/// <summary>A piece of SQL with the type of what it yields; <see cref="NeverNull"/> when it cannot be NULL.</summary>
internal sealed record SqlValue(string Sql, SqlValueType Type, bool NeverNull)
{
    public static SqlValue Unknown { get; } = new("NULL", SqlValueType.Unknown, false);

    public static SqlValue True { get; } = new("TRUE", SqlValueType.Boolean, true);

    public static SqlValue False { get; } = new("FALSE", SqlValueType.Boolean, true);

    public static SqlValue Condition(string sql) => new(sql, SqlValueType.Boolean, true);
}

/// <summary>Thrown inside the translator for a construct SQL cannot mirror; caught at the top and turned into a reason.</summary>
internal sealed class NotTranslatableException(string reason) : Exception(reason);
