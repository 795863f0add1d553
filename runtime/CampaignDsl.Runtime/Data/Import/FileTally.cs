using System.Collections.Immutable;
using CampaignDsl.Runtime.Data.Mapping;

namespace CampaignDsl.Runtime.Data.Import;

/// <summary>
/// What became of every row of one file: <see cref="Rows"/> = <see cref="Loaded"/> +
/// <see cref="Repeated"/> + <see cref="Skipped"/> + <see cref="Bad"/>, always.
/// </summary>
public sealed record FileTally(string DisplayPath, RecordKind Kind)
{
    public long Loaded { get; init; }

    /// <summary>Contact rows whose id an earlier row of this import had (a row per purchase): the first is kept.</summary>
    public long Repeated { get; init; }

    /// <summary>Rows the mapping's <c>where</c> left out, by the rule as written.</summary>
    public ImmutableSortedDictionary<string, long> SkippedBy { get; init; } = ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);

    public long Skipped => SkippedBy.Values.Sum();

    /// <summary>Rows that could not be used (reported with their lines).</summary>
    public long Bad { get; init; }

    public long Rows => Loaded + Repeated + Skipped + Bad;

    public TimeSpan Elapsed { get; init; }

    public long Bytes { get; init; }
}
