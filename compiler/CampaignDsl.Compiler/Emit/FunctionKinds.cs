using System.Collections.Frozen;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// Which plan node a call or name becomes. The runtime executes aggregates, RFM scores and behaviour
/// tests differently from scalar functions (aggregates become grouped SQL, RFM scores a ranking over
/// the audience, behaviour tests read the campaign's own send log), so the plan tells them apart
/// rather than leaving every call a <c>call</c>.
/// </summary>
internal static class FunctionKinds
{
    /// <summary><c>purchased_since(entry)</c>: since the contact entered, rather than since a stage.</summary>
    public const string Entry = "entry";

    private const string RfmPrefix = "rfm.";

    private static readonly FrozenSet<string> Aggregates =
        FrozenSet.ToFrozenSet(["count", "sum", "avg", "min", "max", "first", "last"], StringComparer.Ordinal);

    public static bool IsAggregate(string function) => Aggregates.Contains(function);

    /// <summary><c>opened</c>, <c>clicked</c>, <c>purchased_since</c>: the functions that look at the contact's reactions to this campaign.</summary>
    public static bool IsBehaviour(string function) => BuiltInFunctions.Find(function)?.LooksAtBehaviour == true;

    /// <summary>The RFM dimension <c>rfm.recency</c> stands for (<c>recency</c>); null for any other name.</summary>
    public static string? RfmDimension(string name) => BuiltInFunctions.RfmScores.Contains(name) ? name[RfmPrefix.Length..] : null;
}
