namespace CampaignDsl.Runtime.Data;

/// <summary>
/// A data source cannot go on: a missing file, a header without an id column, a store made by a
/// newer campaignc, events out of the order asked for. Commands print the message and exit 2; the
/// message says what to do.
/// </summary>
public sealed class DataSourceException : Exception
{
    public DataSourceException(string message)
        : base(message)
    {
    }

    /// <summary>A source that cannot open for several located reasons (a mapping that does not fit a file's columns).</summary>
    public DataSourceException(string message, IReadOnlyList<DataProblem> problems)
        : base(message) => Problems = problems;

    public DataSourceException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DataSourceException()
    {
    }

    /// <summary>The located problems behind the failure; empty when the message says it all.</summary>
    public IReadOnlyList<DataProblem> Problems { get; } = [];
}
