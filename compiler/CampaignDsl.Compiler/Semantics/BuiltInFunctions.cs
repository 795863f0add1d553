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
        new("opened", [new("stage", ParameterKind.Stage)], DataType.Bool, false,
            "Whether the contact opened the message of an earlier stage; `when opened(recognition)`.") { LooksAtBehaviour = true },
        new("clicked", [new("stage", ParameterKind.Stage), new("pattern", ParameterKind.Value, DataType.Text, Optional: true)], DataType.Bool, false,
            "Whether the contact clicked a link in the message of an earlier stage, optionally one whose tag matches a pattern; `clicked(ask_style, \"style:*\")`.")
        {
            LooksAtBehaviour = true,
        },
        new("purchased_since", [new("stage", ParameterKind.StageOrEntry)], DataType.Bool, false,
            "Whether the contact bought something since an earlier stage was sent, or since `entry`.") { LooksAtBehaviour = true },
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary><c>engaged</c>: the contact opened, clicked or bought since entering the campaign; a stage condition or <c>exit when</c> may use it.</summary>
    public const string Engaged = "engaged";

    /// <summary>
    /// <c>rfm.recency</c>, <c>rfm.frequency</c>, <c>rfm.monetary</c>: quintile scores 1-5 (5 best) of the last purchase's
    /// recency, the number of purchases and the total spent, ranked over the campaign's audience.
    /// </summary>
    public static readonly FrozenSet<string> RfmScores = FrozenSet.ToFrozenSet(["rfm.recency", "rfm.frequency", "rfm.monetary"], StringComparer.Ordinal);

    public static FunctionSignature? Find(string name) => All.GetValueOrDefault(name);
}
