namespace CampaignDsl.Runtime.Data;

/// <summary>
/// A row of data (or a line of a mapping) that could not be used: where it is and what is wrong,
/// printed like a compiler's message: <c>events.csv(12): error: ...</c>.
/// </summary>
public sealed record DataProblem(string Path, int Line, string Message, int Column = 0)
{
    public override string ToString() => Column > 0
        ? $"{Path}({Line},{Column}): error: {Message}"
        : $"{Path}({Line}): error: {Message}";
}
