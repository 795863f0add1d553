using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Import;

/// <summary>
/// One import into a store (SQLite or PostgreSQL), all or nothing: files begun and ended in turn, records written
/// one at a time, everything visible at <see cref="CommitAsync"/>; disposing without committing leaves the store as it was.
/// </summary>
public interface IStoreImport : IAsyncDisposable
{
    /// <summary>Starts the records of one file. Re-importing an events file first removes the events it brought last time.</summary>
    Task BeginFileAsync(string sourcePath, RecordKind kind, CancellationToken cancellationToken = default);

    StoreWrite Write(Contact contact);

    StoreWrite Write(ContactEvent e);

    /// <summary>Records the counts of the file begun last.</summary>
    Task EndFileAsync(long rows, long loaded, long repeated, long skipped, long bad, CancellationToken cancellationToken = default);

    /// <summary>Makes everything written visible at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
