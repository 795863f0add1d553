using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CampaignDsl.Tests.Servers;
using MimeKit;
using Xunit.Abstractions;

namespace Campaignc.Tests.Running;

/// <summary>
/// Crash safety (issue 5): <c>campaignc run</c> is killed with SIGKILL at many seeded random moments while it plans and
/// sends, and started again each time; at the end the delivered messages are exactly the simulated timeline's sends,
/// none missing and none twice (over SMTP: no distinct message missing, and at most one copy per kill).
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    /// <summary>Six days after <see cref="RunWorkspace.Start"/>: about 160 sends fall due in the killed runs.</summary>
    private const string Later = "2026-01-25T23:59:00Z";

    private const int Kills = 10;

    private const string Password = "pw-crash-5b1f-never-logged";

    [Fact]
    public async Task Killed_at_random_moments_the_file_sender_delivers_every_simulated_send_exactly_once()
    {
        using var workspace = await RunWorkspace.CreateAsync();
        var expected = await workspace.SimulatedSendsAsync(Later);
        var (reference, times) = await UninterruptedAsync(workspace, "reference", state => ["--outbox", workspace.Combine("reference-outbox")]);

        var stateDb = workspace.Combine("state.db");
        var outbox = workspace.Combine("outbox");
        var killed = await KillAndRestartAsync(workspace, stateDb, times, () => Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").Length : 0, ["--outbox", outbox]);

        var delivered = RunWorkspace.AssertOutboxMatches(expected, await RunWorkspace.OutboxAsync(stateDb));
        Assert.Equal(reference.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));

        // Exactly one .eml per delivered send, named by its key and carrying it as its Message-ID.
        var files = Directory.GetFiles(outbox, "*.eml");
        Assert.Equal(delivered.Order(StringComparer.Ordinal), files.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var message = MimeMessage.Load(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), RunWorkspace.KeyOf(message));
        }

        // Exactly one complete outbox.jsonl line per delivered send.
        var lines = new List<string>();
        var torn = 0;
        foreach (var line in File.ReadLines(Path.Combine(outbox, "outbox.jsonl")).Where(l => l.Length > 0))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                lines.Add(json.RootElement.GetProperty("idempotency_key").GetString()!);
            }
            catch (JsonException)
            {
                torn++;
            }
        }

        Assert.Equal(delivered.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        var leftovers = Directory.GetFiles(outbox, ".*.tmp").Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"file sender: {expected.Count} simulated sends, {delivered.Count} delivered, {killed.Kills} kills in {killed.Runs} runs ({times}); torn outbox.jsonl fragments {torn}, temporary files left by kills {leftovers}"));
    }

    [Fact]
    public async Task Killed_at_random_moments_the_smtp_sender_loses_nothing_and_repeats_only_sends_in_flight()
    {
        using var workspace = await RunWorkspace.CreateAsync();
        var expected = await workspace.SimulatedSendsAsync(Later);
        // 30 ms a message: the delivery lasts long enough (a few seconds) for kills to fall inside it.
        using var referenceServer = SmtpTestServer.Start(Password, dataDelay: TimeSpan.FromMilliseconds(30), requireTls: false);
        workspace.UseSmtp(referenceServer.Port, Password);
        var (reference, times) = await UninterruptedAsync(workspace, "reference", _ => []);
        Assert.Equal(reference.Count, referenceServer.Received().Count);

        using var server = SmtpTestServer.Start(Password, dataDelay: TimeSpan.FromMilliseconds(30), requireTls: false);
        workspace.MoveSmtp(server.Port);
        var stateDb = workspace.Combine("state.db");
        var killed = await KillAndRestartAsync(workspace, stateDb, times, () => Directory.GetFiles(server.Maildir, "*.eml").Length, []);

        var delivered = RunWorkspace.AssertOutboxMatches(expected, await RunWorkspace.OutboxAsync(stateDb));
        Assert.Equal(reference.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        var received = server.Received().Select(RunWorkspace.KeyOf).ToList();
        Assert.Equal(delivered.Order(StringComparer.Ordinal), received.Distinct().Order(StringComparer.Ordinal));

        // A kill between the server's 250 and the outcome's commit re-offers that send with the same Message-ID:
        // the only duplicates possible, so at most one per kill (one connection, one message in flight at a time).
        var duplicates = received.Count - received.Distinct().Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"smtp sender: {expected.Count} simulated sends, {delivered.Count} delivered, {received.Count} received, {duplicates} duplicate Message-IDs, {killed.Kills} kills in {killed.Runs} runs ({times})"));
        Assert.InRange(duplicates, 0, killed.Kills);
    }

    /// <summary>
    /// The same runs without a kill, on a state of their own: what they deliver, how long the run to <see cref="Later"/>
    /// takes, and how long a run takes that finds nothing left to do (starting, compiling, replaying).
    /// </summary>
    private static async Task<(IReadOnlySet<string> Delivered, RunTimes Times)> UninterruptedAsync(
        RunWorkspace workspace, string name, Func<string, string[]> options)
    {
        var state = workspace.Combine(name + ".db");
        await workspace.RunAsync(state, RunWorkspace.Start, options(state));
        var watch = Stopwatch.StartNew();
        await workspace.RunAsync(state, Later, [.. options(state), "--lease", "1"]);
        var whole = watch.Elapsed;
        var delivered = (await RunWorkspace.OutboxAsync(state)).Where(s => s.Status == "delivered").Select(s => s.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        watch.Restart();
        var again = await workspace.RunAsync(state, Later, [.. options(state), "--lease", "1"]);
        var idle = watch.Elapsed;
        Assert.Contains("delivered 0,", again.Stdout, StringComparison.Ordinal);
        return (delivered, new RunTimes(whole, idle));
    }

    /// <summary>How long an uninterrupted run takes, and how much of it a run with nothing to send takes.</summary>
    private sealed record RunTimes(TimeSpan Whole, TimeSpan Idle)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"uninterrupted {Whole.TotalSeconds:0.0} s, with nothing to do {Idle.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Starts the campaigns with a run at the start, then runs up to <see cref="Later"/> again and again, each killed with
    /// SIGKILL at a seeded random point: a quarter while starting and replaying (a random part of an idle run's time), the
    /// rest while delivering, right after a random 1 to 8 more messages arrived (<paramref name="arrived"/> counts them at
    /// the receiving end), so the kills land between sends whatever the machine's speed. A run that finishes first is not
    /// a kill. After <see cref="Kills"/> kills one last run must finish with exit 0.
    /// </summary>
    private async Task<(int Kills, int Runs)> KillAndRestartAsync(RunWorkspace workspace, string state, RunTimes times, Func<int> arrived, string[] options)
    {
        await workspace.RunAsync(state, RunWorkspace.Start, options);
        var random = new Random(20260120);
        int kills = 0, runs = 0;
        while (kills < Kills)
        {
            Assert.True(runs < Kills * 3, $"only {kills} of {runs} runs were killed before they finished");
            runs++;
            var before = arrived();
            using var run = workspace.StartRun(state, Later, [.. options, "--lease", "1"]);
            var whileStarting = random.NextDouble() < 0.25;
            var delay = times.Idle * random.NextDouble();
            var after = random.Next(1, 9);
            var started = Stopwatch.StartNew();
            var killedIt = whileStarting
                ? await run.KillAfterAsync(delay)
                : await run.KillWhenAsync(() => arrived() >= before + after, TimeSpan.FromMinutes(3));
            if (killedIt)
            {
                kills++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {runs}: killed after {started.Elapsed.TotalSeconds:0.00} s, {(whileStarting ? "while starting" : $"{arrived() - before} messages into delivery")}"));
            }
            else
            {
                Assert.True(run.ExitCode == 0, $"run {runs} exited {run.ExitCode}\n{run}");
            }
        }

        // Leases of 1 s: the sends the last kill left claimed are offered again by this run.
        var last = await workspace.RunAsync(state, Later, [.. options, "--lease", "1"]);
        output.WriteLine("last run: " + last.Stdout.Trim());
        return (kills, runs + 1);
    }
}
