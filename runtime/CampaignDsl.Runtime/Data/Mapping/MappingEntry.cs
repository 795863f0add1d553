namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>
/// One value of a column mapping as written in campaignc.yaml (<c>events.amount</c> →
/// <c>Quantity * UnitPrice</c>) and where its text starts, so that a problem in it points there.
/// </summary>
public sealed record MappingEntry(string Key, string Text, MappingOrigin Origin);

/// <summary>Where a mapping value is: the file, and the line and column where its text starts (0 when unknown).</summary>
public sealed record MappingOrigin(string Path, int Line, int Column)
{
    public DataProblem Problem(string message, int offset = 0) =>
        new(Path, Line, message, Column > 0 ? Column + offset : 0);
}
