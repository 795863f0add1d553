using System.Net;
using System.Net.Sockets;
using CampaignDsl.Runtime.State;
using CampaignDsl.Tests.Servers;
using Microsoft.Data.Sqlite;

namespace Campaignc.Tests.Running;

/// <summary>
/// Real runs against an SMTP server that rejects one recipient, is slow, or is down (issue 5): the run completes for
/// the others, a permanent failure is recorded and never resent, and what could not be sent waits for a later run,
/// which sends it with the same Message-ID.
/// </summary>
public sealed class SmtpFailureTests
{
    private const string Password = "pw-failures-90ac-never-logged";

    /// <summary>A contact of the example data whose re-engagement mail is due at <see cref="RunWorkspace.Start"/>.</summary>
    private const string Rejected = "contact117@example.com";

    [Fact]
    public async Task A_rejected_recipient_on_a_slow_server_fails_alone_and_is_never_resent()
    {
        using var workspace = await RunWorkspace.CreateAsync();
        using var server = SmtpTestServer.Start(Password, rejected: [Rejected], dataDelay: TimeSpan.FromMilliseconds(200), requireTls: false);
        workspace.UseSmtp(server.Port, Password);
        var state = workspace.Combine("state.db");

        await workspace.RunAsync(state, RunWorkspace.Start);

        var outbox = await RunWorkspace.OutboxAsync(state);
        var failed = Assert.Single(outbox, s => s.To == Rejected);
        Assert.Equal(SendStatus.Failed, failed.Status);
        Assert.Contains("554", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(1, failed.Attempts);
        var others = outbox.Where(s => s.To != Rejected && s.Channel == "email").ToList();
        Assert.True(others.Count >= 10, $"only {others.Count} other sends are due");
        Assert.All(others, s => Assert.Equal(SendStatus.Delivered, s.Status));
        var received = server.Received();
        Assert.Equal(others.Select(s => s.IdempotencyKey).Order(StringComparer.Ordinal), received.Select(RunWorkspace.KeyOf).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(received, m => m.To.Mailboxes.Any(a => a.Address == Rejected));
        await using (var run = await RunState.OpenAsync(state))
        {
            var audit = new List<AuditRecord>();
            await foreach (var record in run.ReadAuditAsync(failed.ContactId))
            {
                audit.Add(record);
            }

            Assert.Contains(audit, a => a.Kind == "send failed" && a.Detail.Contains("554", StringComparison.Ordinal));
        }

        // A second run finds nothing to send: neither the failure nor the delivered messages go out again.
        await workspace.RunAsync(state, RunWorkspace.Start);
        Assert.Equal(received.Count, server.Received().Count);
        Assert.Equal(SendStatus.Failed, (await RunWorkspace.OutboxAsync(state)).Single(s => s.To == Rejected).Status);
    }

    [Fact]
    public async Task With_the_server_down_sends_wait_and_a_later_run_delivers_them_with_the_same_message_ids()
    {
        using var workspace = await RunWorkspace.CreateAsync();
        workspace.UseSmtp(FreePort(), Password);
        var state = workspace.Combine("state.db");

        var down = await workspace.RunAsync(state, RunWorkspace.Start);

        var waiting = (await RunWorkspace.OutboxAsync(state)).Where(s => s.Channel == "email").ToList();
        Assert.True(waiting.Count >= 10, down.ToString());
        Assert.All(waiting, s =>
        {
            Assert.Equal(SendStatus.Pending, s.Status);
            Assert.Equal(1, s.Attempts);
            Assert.NotNull(s.LastError);
        });

        // The retry is due a minute on (real time); rather than wait, the test moves it to now.
        await using (var connection = new SqliteConnection($"Data Source={state};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sends SET retry_at = 0 WHERE status = 'pending'";
            Assert.Equal(waiting.Count, await command.ExecuteNonQueryAsync());
        }

        using var server = SmtpTestServer.Start(Password, requireTls: false);
        workspace.MoveSmtp(server.Port);
        await workspace.RunAsync(state, RunWorkspace.Start);

        Assert.All(await RunWorkspace.OutboxAsync(state), s => Assert.NotEqual(SendStatus.Pending, s.Status));
        Assert.Equal(waiting.Select(s => s.IdempotencyKey).Order(StringComparer.Ordinal),
            server.Received().Select(RunWorkspace.KeyOf).Order(StringComparer.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
