using System.Text.Json;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Running;

/// <summary><c>campaignc status</c> after real runs: its counts agree with the audit log and the outbox, in text and JSON.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Example(string path) => Path.Combine(RepositoryPaths.Root, "examples", path);

    [Fact]
    public async Task Status_counts_enrolments_by_stage_what_is_due_and_each_workers_share()
    {
        var store = _folder.Combine("examples.db");
        var state = _folder.Combine("state.db");
        var import = await Cli.RunAsync("import", "--from", Example("data/contacts.csv"), Example("data/events.csv"), "--into", store);
        Assert.True(import.ExitCode == 0, import.ToString());
        var run = await Cli.RunAsync("run", Example("reengagement/we_miss_you.campaign"), "--data", store, "--state", state,
            "--outbox", _folder.Combine("outbox"), "--now", "2026-01-05T08:00:00Z", "--worker", "w1");
        Assert.True(run.ExitCode == 0, run.ToString());

        // A week later, before the next tick: the contacts whose second stage fell due are due, and lag behind.
        var json = await Cli.RunAsync("status", "--state", state, "--now", "2026-01-12T12:00:00Z", "--format", "json");
        var text = await Cli.RunAsync("status", "--state", state, "--now", "2026-01-12T12:00:00Z");

        Assert.True(json.ExitCode == 0 && text.ExitCode == 0, $"{json}\n{text}");
        using var status = JsonDocument.Parse(json.Stdout);
        var root = status.RootElement;
        var audit = await Cli.RunAsync("audit", "--state", state);
        var entered = audit.Stdout.Split('\n').Count(l => l.Contains("  entered ", StringComparison.Ordinal));
        var sent = audit.Stdout.Split('\n').Count(l => l.Contains("  sent ", StringComparison.Ordinal));
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.True(entered > 20, $"{entered} entered");
        Assert.Equal(entered, stages.Sum(s => s.GetProperty("enrolments").GetInt64()));
        Assert.Equal(sent, root.GetProperty("sends").GetProperty("delivered").GetInt64());
        var due = root.GetProperty("journeys_due").GetInt64();
        Assert.True(due > 0, json.Stdout);
        Assert.Equal(due, stages.Sum(s => s.GetProperty("due").GetInt64()));
        Assert.True(root.GetProperty("lag_seconds").GetInt64() > 0);
        var worker = Assert.Single(root.GetProperty("workers").EnumerateArray());
        Assert.Equal(("w1", sent), (worker.GetProperty("worker").GetString(), worker.GetProperty("delivered").GetInt64()));
        Assert.Contains($"journeys due now: {due:N0}", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("we_miss_you", text.Stdout, StringComparison.Ordinal);

        // The tick catches up: nothing is due any more.
        var caughtUp = await Cli.RunAsync("run", Example("reengagement/we_miss_you.campaign"), "--data", store, "--state", state,
            "--outbox", _folder.Combine("outbox"), "--now", "2026-01-12T12:00:00Z", "--worker", "w1");
        Assert.True(caughtUp.ExitCode == 0, caughtUp.ToString());
        var after = await Cli.RunAsync("status", "--state", state, "--now", "2026-01-12T12:00:00Z", "--format", "json");
        using var afterStatus = JsonDocument.Parse(after.Stdout);
        Assert.Equal(0, afterStatus.RootElement.GetProperty("journeys_due").GetInt64());
    }

    [Fact]
    public async Task Status_without_a_run_state_says_what_to_do()
    {
        var status = await Cli.RunAsync("status", "--state", _folder.Combine("missing.db"));

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("run `campaignc run` first", status.Stderr, StringComparison.Ordinal);
    }
}
