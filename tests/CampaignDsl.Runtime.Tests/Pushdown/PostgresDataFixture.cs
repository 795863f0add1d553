using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Tests.Infrastructure;
using CampaignDsl.Tests.Servers;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// One real PostgreSQL server on loopback for the class, with the example data and the edge-case data each imported
/// into a PostgreSQL database and into an SQLite store beside it.
/// </summary>
public sealed class PostgresDataFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("campaignc-pgdata-").FullName;
    private int _databases;

    public PostgresServer Server { get; private set; } = null!;

    internal DataPair Examples { get; private set; } = null!;

    internal DataPair Edge { get; private set; } = null!;

    internal string Folder => _folder;

    public static string ExampleContacts => RepositoryPaths.InRepo("examples", "data", "contacts.csv");

    public static string ExampleEvents => RepositoryPaths.InRepo("examples", "data", "events.csv");

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        Examples = await DataPair.ImportAsync(this, "examples", ExampleContacts, ExampleEvents);
        Edge = await DataPair.ImportAsync(this, "edge",
            Write("edge-contacts.csv", EdgeCaseData.Contacts + "\n"), Write("edge-events.csv", EdgeCaseData.Events + "\n"));
    }

    public async Task DisposeAsync()
    {
        await Examples.DisposeAsync();
        await Edge.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public Task<string> NewDatabaseAsync() => Server.CreateDatabaseAsync($"data_{Interlocked.Increment(ref _databases)}");

    /// <summary>The same files in both stores.</summary>
    internal sealed record DataPair(string Url, string SqlitePath, ContactStore Sqlite, PostgresContactStore Postgres) : IAsyncDisposable
    {
        public static async Task<DataPair> ImportAsync(PostgresDataFixture fixture, string name, string contacts, string events)
        {
            var sqlitePath = Path.Combine(fixture.Folder, name + ".db");
            var sqlite = await ExampleProject.ImportAsync(sqlitePath, contacts, events);
            var url = await fixture.Server.CreateDatabaseAsync(name);
            var postgres = await PostgresContactStore.OpenAsync(url);
            var problems = new DataProblemLog();
            var result = await DataImporter.RunAsync(postgres,
                [new ImportFile(contacts, Path.GetFileName(contacts), RecordKind.Contacts), new ImportFile(events, Path.GetFileName(events), RecordKind.Events)],
                DataMapping.None, DataSchema.From(ExampleProject.Configuration()), problems);
            Assert.True(result.Committed);
            Assert.Equal(0, problems.Count);
            return new DataPair(url, sqlitePath, sqlite, postgres);
        }

        public async ValueTask DisposeAsync()
        {
            await Sqlite.DisposeAsync();
            await Postgres.DisposeAsync();
        }
    }
}
