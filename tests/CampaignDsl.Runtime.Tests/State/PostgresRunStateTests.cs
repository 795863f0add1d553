using CampaignDsl.Runtime.State;
using CampaignDsl.Tests.Servers;

namespace CampaignDsl.Runtime.Tests.State;

/// <summary>One real PostgreSQL server on loopback for the class; a new database per test.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public Task<string> NewDatabaseAsync() => Server.CreateDatabaseAsync($"state_{Interlocked.Increment(ref _databases)}");
}

public sealed class PostgresRunStateTests(PostgresFixture postgres) : RunStateContract, IClassFixture<PostgresFixture>
{
    protected override Task<string> NewLocationAsync() => postgres.NewDatabaseAsync();

    [Fact]
    public async Task A_password_in_the_url_is_refused_and_never_echoed()
    {
        var error = await Assert.ThrowsAsync<StateStoreException>(() => RunState.OpenAsync($"postgres://postgres:s3cret@127.0.0.1:{postgres.Server.Port}/postgres"));
        Assert.Contains("PGPASSWORD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_description_names_the_server_and_database()
    {
        var url = await NewLocationAsync();
        await using var state = await RunState.OpenAsync(url);
        Assert.Equal(("postgres", url), (state.Kind, state.Description));
    }
}
