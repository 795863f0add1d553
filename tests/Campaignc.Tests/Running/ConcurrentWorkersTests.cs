using System.Globalization;
using CampaignDsl.Tests.Servers;
using Npgsql;
using Xunit.Abstractions;

namespace Campaignc.Tests.Running;

/// <summary>
/// Several workers (issue 5): three <c>campaignc run</c> processes started together against one PostgreSQL state share
/// the sends through row claims; the SMTP server, which keeps every copy it is given, receives each send once.
/// </summary>
public sealed class ConcurrentWorkersTests(ITestOutputHelper output)
{
    private const string Later = "2026-01-25T23:59:00Z";

    private const string Password = "pw-workers-77d2-never-logged";

    [Fact]
    public async Task Three_workers_on_postgresql_send_each_message_exactly_once()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var state = await postgres.CreateDatabaseAsync("campaign_run");
        using var workspace = await RunWorkspace.CreateAsync();
        var expected = await workspace.SimulatedSendsAsync(Later);

        // A server that takes 50 ms per message keeps the delivery going long enough for all three to claim work.
        using var server = SmtpTestServer.Start(Password, dataDelay: TimeSpan.FromMilliseconds(50), requireTls: false);
        workspace.UseSmtp(server.Port, Password);
        await workspace.RunAsync(state, RunWorkspace.Start, "--worker", "starter");
        var workers = new[] { "worker-a", "worker-b", "worker-c" }.Select(name => workspace.StartRun(state, Later, "--worker", name)).ToList();
        try
        {
            foreach (var worker in workers)
            {
                var exit = await worker.WaitAsync(TimeSpan.FromMinutes(3));
                Assert.True(exit == 0, $"a worker exited {exit}\n{worker}");
            }
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }

        var delivered = RunWorkspace.AssertOutboxMatches(expected, await RunWorkspace.OutboxAsync(state));
        var received = server.Received().Select(RunWorkspace.KeyOf).ToList();
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.Equal(delivered.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));

        var byWorker = await SentByWorkerAsync(postgres, "campaign_run");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{expected.Count} simulated sends, {received.Count} received once each; sent by {string.Join(", ", byWorker.Select(w => $"{w.Key} {w.Value}"))}"));
        Assert.Equal(delivered.Count, byWorker.Values.Sum());
        Assert.True(byWorker.Keys.Count(k => k.StartsWith("worker-", StringComparison.Ordinal)) >= 2, "the work was not shared: " + string.Join(", ", byWorker.Keys));
    }

    private static async Task<IReadOnlyDictionary<string, long>> SentByWorkerAsync(PostgresServer postgres, string database)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString.Replace("Database=postgres", "Database=" + database, StringComparison.Ordinal));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT worker, count(*) FROM audit WHERE kind = 'sent' GROUP BY worker ORDER BY worker";
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
