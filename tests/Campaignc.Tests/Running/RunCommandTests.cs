using Campaignc.Commands;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Runtime.Templates;

namespace Campaignc.Tests.Running;

/// <summary><c>campaignc run</c> and <c>campaignc audit</c> as a user drives them: the example data, the file sender, runs at successive moments.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Example(string path) => Path.Combine(RepositoryPaths.Root, "examples", path);

    private async Task<string> ImportAsync()
    {
        var store = _folder.Combine("examples.db");
        var import = await Cli.RunAsync("import", "--from", Example("data/contacts.csv"), Example("data/events.csv"), "--into", store);
        Assert.True(import.ExitCode == 0, import.ToString());
        return store;
    }

    private Task<CliResult> RunAtAsync(string store, string now, params string[] more) => Cli.RunAsync([
        "run", Example("reengagement/we_miss_you.campaign"), "--data", store, "--state", _folder.Combine("state.db"),
        "--outbox", _folder.Combine("outbox"), "--now", now, .. more]);

    [Fact]
    public async Task Runs_a_week_apart_send_what_fell_due_once_and_the_audit_log_tells_the_story()
    {
        var store = await ImportAsync();
        var first = await RunAtAsync(store, "2026-01-05T08:00:00Z");
        var second = await RunAtAsync(store, "2026-01-12T12:00:00Z");
        var again = await RunAtAsync(store, "2026-01-12T12:00:00Z");
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0 && again.ExitCode == 0, $"{first}\n{second}\n{again}");
        Assert.Contains("0 new in the outbox", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("delivered 0,", again.Stdout, StringComparison.Ordinal);

        var files = Directory.GetFiles(_folder.Combine("outbox"), "*.eml");
        var lines = File.ReadAllLines(_folder.Combine("outbox", "outbox.jsonl"));
        Assert.True(files.Length > 100, $"{files.Length} messages");
        Assert.Equal(files.Length, lines.Length);
        Assert.Contains($"outbox: delivered {files.Length}", again.Stdout, StringComparison.Ordinal);

        var audit = await Cli.RunAsync("audit", "--state", _folder.Combine("state.db"), "--contact", "C0000089");
        Assert.Equal(0, audit.ExitCode);
        var log = audit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2026-01-05 08:00:00Z  entered", log[0], StringComparison.Ordinal);
        var sent = log.Where(l => l.Contains("  sent ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains("C0000089  recognition  email", sent[0], StringComparison.Ordinal);
        Assert.Contains("C0000089  value_reminder  email", sent[1], StringComparison.Ordinal);
        foreach (var line in sent)
        {
            var key = line[(line.IndexOf("key ", StringComparison.Ordinal) + 4)..][..32];
            Assert.True(File.Exists(_folder.Combine("outbox", key + ".eml")), line);
        }
    }

    [Fact]
    public async Task A_suppression_list_stops_sends_and_a_bad_row_stops_the_run_with_its_line()
    {
        var store = await ImportAsync();
        var list = _folder.Write("suppressions.csv", "email,reason\ncontact89@example.com,asked by phone\nCONTACT251@example.com,\n");
        Assert.Equal(0, (await RunAtAsync(store, "2026-01-05T08:00:00Z")).ExitCode);
        var run = await RunAtAsync(store, "2026-01-12T12:00:00Z", "--suppressions", list);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 addresses, 2 new", run.Stdout, StringComparison.Ordinal);
        var audit = await Cli.RunAsync("audit", "--state", _folder.Combine("state.db"), "--contact", "C0000089");
        Assert.Contains("suppressed", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("asked by phone", audit.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("  sent ", audit.Stdout, StringComparison.Ordinal);

        var bad = _folder.Write("bad.csv", "email,at\nanna@example.com,yesterday\n");
        var refused = await RunAtAsync(store, "2026-01-12T12:00:00Z", "--suppressions", bad);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("bad.csv(2): error: `at` 'yesterday' is not a date and time", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_usage_errors_that_say_what_to_do()
    {
        var store = await ImportAsync();
        var both = await RunAtAsync(store, "2026-01-12T12:00:00Z", "--until", "2026-01-13T00:00:00Z");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("give one of --now (one pass for everything due by then), --until", both.Stderr, StringComparison.Ordinal);
        var noSender = await Cli.RunAsync("run", Example("reengagement/we_miss_you.campaign"), "--data", store, "--state", _folder.Combine("s.db"), "--now", "2026-01-12T12:00:00Z");
        Assert.Equal(2, noSender.ExitCode);
        Assert.Contains("no sender: give --outbox FOLDER", noSender.Stderr, StringComparison.Ordinal);
        var noState = await Cli.RunAsync("audit", "--state", _folder.Combine("missing.db"));
        Assert.Equal(2, noState.ExitCode);
        Assert.Contains("there is no run state", noState.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_passes_a_minute_apart_on_an_injected_clock_and_its_last_pass_is_at_its_moment()
    {
        var store = await ImportAsync();
        var clock = new SkippingClock(Instant("2026-01-05T08:00:00Z"));
        var run = await RunUntilAsync(store, "2026-01-05T08:03:30Z", clock.Skipping(TimeSpan.Zero));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["2026-01-05T08:00:00Z", "2026-01-05T08:01:00Z", "2026-01-05T08:02:00Z", "2026-01-05T08:03:00Z", "2026-01-05T08:03:30Z"], Passes(run));
        Assert.Equal(Instant("2026-01-05T08:03:30Z"), clock.GetUtcNow());
    }

    [Fact]
    public async Task Until_ends_with_a_pass_at_its_moment_when_a_slow_machine_wakes_up_past_it()
    {
        var store = await ImportAsync();
        // Every wait oversleeps by ten minutes, as on a loaded machine: the run still sends what is due by --until.
        var clock = new SkippingClock(Instant("2026-01-05T08:00:00Z"));
        var run = await RunUntilAsync(store, "2026-01-05T08:05:00Z", clock.Skipping(TimeSpan.FromMinutes(10)));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["2026-01-05T08:00:00Z", "2026-01-05T08:05:00Z"], Passes(run));
    }

    [Fact]
    public async Task Until_on_the_real_clock_returns_after_its_moment_and_its_last_pass_is_at_it()
    {
        var store = await ImportAsync();
        var until = DateTimeOffset.UtcNow.AddSeconds(3).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var run = await Cli.RunAsync("run", Example("reengagement/we_miss_you.campaign"), "--data", store, "--state", _folder.Combine("state.db"),
            "--outbox", _folder.Combine("outbox"), "--until", until);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(DateTimeOffset.UtcNow >= Instant(until), $"stopped before {until}");
        // However slow the machine: a last pass at --until, unless the first one already began after it.
        var passes = Passes(run);
        Assert.True(passes[^1] == until || (passes.Count == 1 && string.CompareOrdinal(passes[0], until) >= 0), run.ToString());
    }

    private async Task<CliResult> RunUntilAsync(string store, string until, RunClock clock)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var request = new RunCommand.RunRequest([Example("reengagement/we_miss_you.campaign")], [store], Now: null, Until: until, _folder.Combine("state.db"),
            _folder.Combine("outbox"), Worker: null, LeaseSeconds: 120, MessageLinks.DefaultBaseUrl, ConfigPath: null);
        var exit = await RunCommand.RunAsync(request, stdout, stderr, clock);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The moments of the passes a run printed, in order.</summary>
    private static List<string> Passes(CliResult run) =>
        [.. run.Stdout.Split('\n').Where(l => l.Contains("journeys advanced", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)])];

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A clock that stands still during a pass and moves only when the run waits: by the wait, plus any oversleep.</summary>
    private sealed class SkippingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public RunClock Skipping(TimeSpan oversleep) => new(this, (wait, _) =>
        {
            _now += wait + oversleep;
            return Task.CompletedTask;
        });
    }
}
