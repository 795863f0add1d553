namespace CampaignDsl.Runtime.Data;

/// <summary>
/// A source that knows how many contacts it holds without reading them (the SQLite store counts with an index,
/// memory holds them); a CSV file does not, so it does not implement this. Used to show progress as a fraction.
/// </summary>
public interface IContactCounter
{
    Task<long> CountContactsAsync(CancellationToken cancellationToken = default);
}
