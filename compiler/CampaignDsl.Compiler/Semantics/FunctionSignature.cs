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

    /// <summary>An earlier stage of the campaign, by name: <c>opened(recognition)</c>.</summary>
    Stage,

    /// <summary>An earlier stage, or <c>entry</c> for the moment the contact entered: <c>purchased_since(entry)</c>.</summary>
    StageOrEntry,
}

/// <param name="Optional">Whether the argument may be left out; only trailing parameters are optional.</param>
public sealed record Parameter(string Name, ParameterKind Kind, DataType? Type = null, bool Optional = false)
{
    public string Describe() => Kind switch
    {
        ParameterKind.Event => "an event type such as `purchase`",
        ParameterKind.NumericEventField => "a numeric event field such as `purchase.amount`",
        ParameterKind.Stage => "the name of an earlier stage",
        ParameterKind.StageOrEntry => "the name of an earlier stage, or `entry`",
        _ => Type!.Describe(),
    };
}

/// <summary>A built-in function: its parameters, its result, and whether it takes a look-back window.</summary>
public sealed record FunctionSignature(string Name, ImmutableArray<Parameter> Parameters, DataType Returns, bool TakesWindow, string Summary)
{
    /// <summary>Whether the function asks what the contact did with the campaign's messages, which only a stage condition or <c>exit when</c> can.</summary>
    public bool LooksAtBehaviour { get; init; }

    public int RequiredCount => Parameters.Count(p => !p.Optional);

    public string DescribeParameters() => (RequiredCount, Parameters.Length) switch
    {
        (0, 0) => "no arguments",
        (1, 1) => "1 argument",
        var (required, all) when required == all => $"{all} arguments",
        var (required, all) => $"{required} or {all} arguments",
    } + $" ({Name}({string.Join(", ", Parameters.Select(p => p.Optional ? $"[{p.Name}]" : p.Name))}))";
}
