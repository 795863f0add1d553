namespace CampaignDsl.Runtime.Data;

/// <summary>
/// Where the simulator and the runner read contacts and their events. Everything streams: a source
/// never holds a whole data set in memory, so callers must not either. A row a source cannot read
/// is reported to the <see cref="DataProblemLog"/> it was opened with and left out, never thrown.
/// </summary>
public interface IContactSource : IAsyncDisposable
{
    /// <summary>The adapter's name, as campaignc.yaml writes it (<c>csv</c>, <c>sqlite</c>, <c>memory</c>).</summary>
    string Kind { get; }

    /// <summary>Every contact, ordered by id (ordinal) where the source can (SQLite, memory), else as stored.</summary>
    IAsyncEnumerable<Contact> ReadContactsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The events the query selects, in the order it asks for. A source that cannot sort (a CSV file)
    /// streams in file order and fails with <see cref="DataSourceException"/> at the first event out of
    /// the requested order, rather than return a wrong order silently.
    /// </summary>
    IAsyncEnumerable<ContactEvent> ReadEventsAsync(EventQuery query, CancellationToken cancellationToken = default);
}
