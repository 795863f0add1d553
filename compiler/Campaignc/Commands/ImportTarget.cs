using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Data.Sqlite;

namespace Campaignc.Commands;

/// <summary>The store <c>campaignc import --into</c> names: an SQLite file, or a PostgreSQL database by URL or connection string.</summary>
internal sealed class ImportTarget : IAsyncDisposable
{
    private readonly ContactStore? _sqlite;
    private readonly PostgresContactStore? _postgres;

    private ImportTarget(ContactStore? sqlite, PostgresContactStore? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public static async Task<ImportTarget> OpenAsync(string into, string cwd, CancellationToken cancellationToken) =>
        PostgresLocation.Claims(into)
            ? new ImportTarget(null, await PostgresContactStore.OpenAsync(into, cancellationToken).ConfigureAwait(false))
            : new ImportTarget(await ContactStore.OpenAsync(Path.GetFullPath(into, cwd), cancellationToken).ConfigureAwait(false), null);

    public Task<ImportResult> ImportAsync(
        IReadOnlyList<ImportFile> files, DataMapping mapping, DataSchema schema, DataProblemLog problems, bool strict, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        _postgres is not null
            ? DataImporter.RunAsync(_postgres, files, mapping, schema, problems, strict, progress, cancellationToken)
            : DataImporter.RunAsync(_sqlite!, files, mapping, schema, problems, strict, progress, cancellationToken);

    public Task<(long Contacts, long Events)> CountAsync(CancellationToken cancellationToken) =>
        _postgres is not null ? _postgres.CountAsync(cancellationToken) : _sqlite!.CountAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }

        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
