using System.Text.Json;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Running;

/// <summary><c>campaignc run --watch</c>: a long-running worker that ticks each minute and stops cleanly on SIGTERM.</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task A_worker_stops_cleanly_on_sigterm_with_nothing_held()
    {
        using var workspace = await RunWorkspace.CreateAsync();
        var state = workspace.Combine("state.db");
        using var worker = CampaigncProcess.Start(workspace.Path, workspace.Environment,
            ["run", workspace.Examples, "--data", workspace.Data, "--state", state, "--config", workspace.Config, "--watch", "--outbox", workspace.Combine("outbox")]);

        var ticked = await WaitForAsync(() => worker.Stdout.Contains("journeys advanced", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        Assert.True(ticked, worker.ToString());
        worker.Terminate();
        var exit = await worker.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, worker.ToString());
        Assert.Contains("stopped", worker.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Stderr, StringComparison.Ordinal);
        var status = await Cli.RunAsync("status", "--state", state, "--format", "json");
        using var json = JsonDocument.Parse(status.Stdout);
        Assert.All(json.RootElement.GetProperty("workers").EnumerateArray(), w => Assert.Equal(0, w.GetProperty("journeys_held").GetInt64()));
    }

    [Fact]
    public async Task Watch_with_now_or_until_is_a_usage_error()
    {
        var run = await Cli.RunAsync("run", "x.campaign", "--watch", "--now", "2026-01-05T00:00:00Z");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--watch", run.Stderr, StringComparison.Ordinal);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition();
    }
}
