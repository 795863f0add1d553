using System.Collections.Frozen;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>The functions campaign expressions may call.</summary>
public static class BuiltInFunctions
{
    private static readonly Parameter AnyEvent = new("event", ParameterKind.Event);
    private static readonly Parameter EventField = new("event.field", ParameterKind.NumericEventField);

    public static FrozenDictionary<string, FunctionSignature> All { get; } = new FunctionSignature[]
    {
        new("days_since", [new("date", ParameterKind.Value, DataType.Date)], DataType.Number, false,
            "Whole days from a date to now; `days_since(last purchase)`."),
        new("hours_since", [new("date", ParameterKind.Value, DataType.Date)], DataType.Number, false,
            "Whole hours from a date to now."),
        new("count", [AnyEvent], DataType.Number, true,
            "How many events of a type the contact has; `count(purchase in 365d)` looks back one year."),
        new("sum", [EventField], DataType.Number, true, "The total of an event field; `sum(purchase.amount)`."),
        new("avg", [EventField], DataType.Number, true, "The average of an event field."),
        new("min", [EventField], DataType.Number, true, "The smallest value of an event field."),
        new("max", [EventField], DataType.Number, true, "The largest value of an event field."),
        new("first", [AnyEvent], DataType.Date, false, "When the contact's first event of a type happened."),
        new("last", [AnyEvent], DataType.Date, false, "When the contact's latest event of a type happened; also written `last purchase`."),
        new("lower", [new("text", ParameterKind.Value, DataType.Text)], DataType.Text, false, "The text in lower case."),
        new("contains", [new("text", ParameterKind.Value, DataType.Text), new("part", ParameterKind.Value, DataType.Text)],
            DataType.Bool, false, "Whether a text contains another, ignoring case."),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static FunctionSignature? Find(string name) => All.GetValueOrDefault(name);
}
