using CampaignDsl.Runtime.State;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Tests.State;

public sealed class SqliteRunStateTests : RunStateContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override Task<string> NewLocationAsync() => Task.FromResult(_folder.Combine($"state-{Guid.NewGuid():N}.db"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_state_written_by_a_newer_campaignc_is_refused()
    {
        var location = await NewLocationAsync();
        await (await RunState.OpenAsync(location)).DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={location};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO state_migrations (version, name, applied_at) VALUES (99, 'future', 0)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StateStoreException>(() => RunState.OpenAsync(location));
        Assert.Contains("newer campaignc (schema 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<StateStoreException>(() => RunState.OpenAsync(_folder.Combine("no", "such", "state.db")));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
