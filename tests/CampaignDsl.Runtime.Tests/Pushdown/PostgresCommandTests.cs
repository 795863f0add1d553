using System.Globalization;
using Campaignc;
using Campaignc.Commands;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// <c>campaignc import --into postgres://...</c> and <c>campaignc simulate</c> with <c>runtime.data</c> of kind
/// postgres, against a real server: the counts, re-import, the timeline equal to SQLite's and CSV's byte for byte,
/// and clear errors for a bad location.
/// </summary>
public sealed class PostgresCommandTests(PostgresDataFixture data) : IClassFixture<PostgresDataFixture>
{
    private static string WeMissYou => RepositoryPaths.InRepo("examples", "reengagement", "we_miss_you.campaign");

    private static string Nurture => RepositoryPaths.InRepo("examples", "nurture", "nurture_returners.campaign");

    [Fact]
    public async Task Import_into_postgres_holds_what_sqlite_holds_and_a_second_import_replaces_what_the_first_brought()
    {
        var url = await data.NewDatabaseAsync();
        var (code, stdout, stderr) = await ImportAsync(url);
        Assert.True(code == 0, stderr);
        var (contacts, events) = await data.Examples.Sqlite.CountAsync();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{url} now holds {contacts:N0} contacts and {events:N0} events."), stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = await ImportAsync(url);
        Assert.True(code == 0, stderr);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"now holds {contacts:N0} contacts and {events:N0} events."), stdout, StringComparison.Ordinal);
        await using var store = await PostgresContactStore.OpenAsync(url);
        Assert.Equal((contacts, events), await store.CountAsync());
        Assert.Equal([1, 2], await store.AppliedMigrationsAsync());
    }

    [Fact]
    public async Task Three_openers_of_a_new_store_at_once_migrate_it_once()
    {
        var url = await data.NewDatabaseAsync();
        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresContactStore.OpenAsync(url))));
        foreach (var store in stores)
        {
            Assert.Equal([1, 2], await store.AppliedMigrationsAsync());
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_strict_import_that_stops_leaves_the_postgres_store_empty()
    {
        using var folder = new TempFolder();
        var contacts = folder.Write("contacts.csv", "id,email,created_at\nC1,a@example.com,2025-01-01T00:00:00Z\nC2,b@example.com,not-a-time\n");
        var url = await data.NewDatabaseAsync();
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(ExitCodes.CampaignErrors, await ImportCommand.RunAsync([contacts], url, strict: true, stdout, stderr));
        await using var store = await PostgresContactStore.OpenAsync(url);
        Assert.Equal((0L, 0L), await store.CountAsync());
    }

    [Fact]
    public async Task We_miss_you_simulated_from_postgres_writes_the_timeline_sqlite_and_csv_write()
    {
        using var folder = new TempFolder();
        var config = folder.Write("campaignc.yaml", $"version: 1\nruntime:\n  data:\n    kind: postgres\n    connection: \"{data.Examples.Url}\"\n");
        var fromCsv = await SimulateAsync(folder.Combine("csv.csv"), PostgresDataFixture.ExampleContacts, PostgresDataFixture.ExampleEvents);
        var fromSqlite = await SimulateAsync(folder.Combine("sqlite.csv"), data.Examples.SqlitePath);
        var fromPostgres = await SimulateAsync(folder.Combine("postgres.csv"), config);
        Assert.True(fromCsv.Split('\n').Length > 50, fromCsv);
        Assert.Equal(fromCsv, fromSqlite);
        Assert.Equal(fromCsv, fromPostgres);
    }

    [Theory]
    [InlineData("postgres://postgres@127.0.0.1:{closed}/nowhere", "cannot open the store postgres://postgres@127.0.0.1:{closed}/nowhere")]
    [InlineData("Host=127.0.0.1;Port={closed};Username=someone;Password=s3cret;Database=nowhere", "cannot open the store postgres://someone@127.0.0.1:{closed}/nowhere")]
    [InlineData("postgres://postgres:s3cret@127.0.0.1:{port}/postgres", "PGPASSWORD")]
    [InlineData("postgres://postgres@127.0.0.1:{port}/missing_database", "\"missing_database\" does not exist")]
    public async Task A_bad_location_is_a_clear_error_without_a_stack_trace_or_the_password(string location, string expected)
    {
        var closed = ClosedPort().ToString(CultureInfo.InvariantCulture);
        var port = data.Server.Port.ToString(CultureInfo.InvariantCulture);
        location = location.Replace("{closed}", closed, StringComparison.Ordinal).Replace("{port}", port, StringComparison.Ordinal);
        expected = expected.Replace("{closed}", closed, StringComparison.Ordinal);
        var (code, _, stderr) = await ImportAsync(location);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith("campaignc: error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> ImportAsync(string into)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ImportCommand.RunAsync([PostgresDataFixture.ExampleContacts, PostgresDataFixture.ExampleEvents], into, strict: false, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> SimulateAsync(string timeline, params string[] dataArguments)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await SimulateCommand.RunAsync(
            new SimulateCommand.SimulateRequest([WeMissYou, Nurture], dataArguments, "2026-01-05", 60, timeline, 0, ExampleProject.ConfigPath), stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        return await File.ReadAllTextAsync(timeline);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
