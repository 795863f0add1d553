namespace CampaignDsl.Compiler.Semantics;

/// <summary>
/// The type of a value in a campaign expression. <see cref="Error"/> marks an expression that
/// already has a diagnostic, so one mistake is reported once rather than at every enclosing operator.
/// </summary>
public sealed record DataType(string Name, DataType? Element = null)
{
    public static readonly DataType Error = new("error");
    public static readonly DataType Bool = new("yes/no");
    public static readonly DataType Number = new("number");
    public static readonly DataType Percent = new("percentage");
    public static readonly DataType Money = new("money amount");
    public static readonly DataType Duration = new("duration");
    public static readonly DataType Date = new("date");
    public static readonly DataType Time = new("time of day");
    public static readonly DataType Text = new("text");

    /// <summary>An event type such as <c>purchase</c>: only aggregate functions and <c>last</c> take it.</summary>
    public static readonly DataType Event = new("event type");

    /// <summary>A numeric field of an event, such as <c>purchase.amount</c>, for <c>sum</c> and <c>avg</c>.</summary>
    public static readonly DataType EventField = new("event field");

    public static DataType ListOf(DataType element) => new("list", element);

    public bool IsList => Element is not null;

    public bool IsError => ReferenceEquals(this, Error) || Element?.IsError == true;

    public bool IsOrdered => this == Number || this == Percent || this == Money || this == Duration || this == Date || this == Time;

    /// <summary>How the type reads in a message: "a number", "a list of text values".</summary>
    public string Describe() => Element is { } element
        ? $"a list of {element.Name} values"
        : Name switch
        {
            "yes/no" => "a yes/no value",
            "event type" => "an event type",
            "event field" => "an event field",
            "error" => "an invalid value",
            _ => $"a {Name}",
        };

    public override string ToString() => Element is null ? Name : $"list of {Element.Name}";
}
