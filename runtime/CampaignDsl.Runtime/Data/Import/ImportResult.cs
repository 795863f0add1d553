using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data.Import;

/// <summary>
/// The outcome of an import: a tally per file, and whether it was committed. A strict import stops
/// at the first bad row and commits nothing (<see cref="StoppedAt"/> is that row's problem).
/// </summary>
public sealed record ImportResult(ImmutableArray<FileTally> Files, bool Committed, DataProblem? StoppedAt, TimeSpan Elapsed)
{
    public long Rows => Files.Sum(f => f.Rows);

    public long Bad => Files.Sum(f => f.Bad);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : Rows;
}
