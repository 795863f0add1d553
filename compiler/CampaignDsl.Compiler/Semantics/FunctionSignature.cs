using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>What a parameter of a built-in function accepts.</summary>
public enum ParameterKind
{
    /// <summary>A value of <see cref="Parameter.Type"/>.</summary>
    Value,

    /// <summary>An event type such as <c>purchase</c> or <c>email.open</c>.</summary>
    Event,

    /// <summary>A numeric event field such as <c>purchase.amount</c>.</summary>
    NumericEventField,
}

public sealed record Parameter(string Name, ParameterKind Kind, DataType? Type = null)
{
    public string Describe() => Kind switch
    {
        ParameterKind.Event => "an event type such as `purchase`",
        ParameterKind.NumericEventField => "a numeric event field such as `purchase.amount`",
        _ => Type!.Describe(),
    };
}

/// <summary>A built-in function: its parameters, its result, and whether it takes a look-back window.</summary>
public sealed record FunctionSignature(string Name, ImmutableArray<Parameter> Parameters, DataType Returns, bool TakesWindow, string Summary)
{
    public string DescribeParameters() => Parameters.Length switch
    {
        0 => "no arguments",
        1 => "1 argument",
        _ => $"{Parameters.Length} arguments",
    } + $" ({Name}({string.Join(", ", Parameters.Select(p => p.Name))}))";
}
