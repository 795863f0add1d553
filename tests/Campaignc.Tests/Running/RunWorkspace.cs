using System.Globalization;
using System.Text.Json;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Runtime.State;

namespace Campaignc.Tests.Running;

/// <summary>A send as the timeline names it: which campaign's stage and send went to which contact.</summary>
internal sealed record SendKey(string Campaign, string Stage, string Send, string Contact)
{
    public override string ToString() => $"{Campaign}/{Stage}/{Send} -> {Contact}";
}

/// <summary>
/// A folder for real runs of the example campaigns: a copy of examples/ (so a test can add a sender to its
/// campaignc.yaml), the example contacts and events imported into an SQLite store, and campaignc started as a
/// child process against them. The expected sends come from <c>campaignc simulate</c> over the same period.
/// </summary>
internal sealed class RunWorkspace : IDisposable
{
    /// <summary>The first run's moment: it starts the campaigns (their start is recorded then).</summary>
    public const string Start = "2026-01-20T00:00:00Z";

    public const string SmtpUserVariable = "CAMPAIGNC_TEST_SMTP_USER";

    public const string SmtpPasswordVariable = "CAMPAIGNC_TEST_SMTP_PASSWORD";

    private readonly TempFolder _folder = new();

    private RunWorkspace()
    {
        CopyFolder(RepositoryPaths.InRepo("examples"), Examples);
    }

    public string Path => _folder.Path;

    public string Examples => _folder.Combine("examples");

    public string Data => _folder.Combine("examples.db");

    public string Config => System.IO.Path.Combine(Examples, "campaignc.yaml");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public static async Task<RunWorkspace> CreateAsync()
    {
        var workspace = new RunWorkspace();
        var import = await Cli.RunAsync("import", "--from", RepositoryPaths.InRepo("examples", "data", "contacts.csv"),
            RepositoryPaths.InRepo("examples", "data", "events.csv"), "--into", workspace.Data);
        Assert.True(import.ExitCode == 0, import.ToString());
        return workspace;
    }

    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <summary>Adds <c>runtime.sender</c> (smtp on loopback, no STARTTLS, AUTH with credentials from the environment) to the copy's campaignc.yaml.</summary>
    public void UseSmtp(int port, string password, double timeoutSeconds = 10)
    {
        File.AppendAllText(Config, string.Create(CultureInfo.InvariantCulture, $"""

              sender:
                kind: smtp
                host: 127.0.0.1
                port: {port}
                starttls: none
                allow_plaintext_auth: true
                username_env: {SmtpUserVariable}
                password_env: {SmtpPasswordVariable}
                rate_per_second: 1000
                max_attempts: 1
                timeout_seconds: {timeoutSeconds}

            """));
        Environment[SmtpUserVariable] = CampaignDsl.Tests.Servers.SmtpTestServer.User;
        Environment[SmtpPasswordVariable] = password;
    }

    /// <summary>Points the smtp sender at another port (the server came up elsewhere).</summary>
    public void MoveSmtp(int port)
    {
        var text = File.ReadAllText(Config);
        var at = text.LastIndexOf("    port: ", StringComparison.Ordinal);
        var end = text.IndexOf('\n', at);
        File.WriteAllText(Config, text[..at] + "    port: " + port.ToString(CultureInfo.InvariantCulture) + text[end..]);
    }

    /// <summary>Starts <c>campaignc run examples --data ... --state STATE --now NOW</c> with these extra options.</summary>
    public CampaigncProcess StartRun(string state, string now, params string[] options) =>
        CampaigncProcess.Start(Path, Environment,
            ["run", Examples, "--data", Data, "--state", state, "--now", now, "--config", Config, .. options]);

    /// <summary>A run to its end, which must succeed.</summary>
    public async Task<CampaigncProcess> RunAsync(string state, string now, params string[] options)
    {
        var run = StartRun(state, now, options);
        var exit = await run.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, $"campaignc run --now {now} exited {exit}\n{run}");
        return run;
    }

    /// <summary>
    /// What <c>campaignc simulate</c> sends from <see cref="Start"/> over whole days up to <paramref name="until"/>, each once.
    /// A run includes its own moment and a simulation excludes its end, so <paramref name="until"/> is a minute before
    /// midnight (stage times are minute-grained): both then cover the same moments.
    /// </summary>
    public async Task<IReadOnlySet<SendKey>> SimulatedSendsAsync(string until)
    {
        var days = (int)Math.Ceiling((DateTimeOffset.Parse(until, CultureInfo.InvariantCulture) - DateTimeOffset.Parse(Start, CultureInfo.InvariantCulture)).TotalDays);
        var timeline = Combine("timeline.jsonl");
        var simulate = await Cli.RunAsync("simulate", Examples, "--data", Data, "--config", Config, "--start", Start[..10],
            "--days", days.ToString(CultureInfo.InvariantCulture), "--out", timeline);
        Assert.True(simulate.ExitCode == 0, simulate.ToString());
        var sends = new HashSet<SendKey>();
        foreach (var line in File.ReadLines(timeline))
        {
            using var entry = JsonDocument.Parse(line);
            var e = entry.RootElement;
            if (e.GetProperty("status").GetString() == "sent")
            {
                Assert.True(sends.Add(new SendKey(e.GetProperty("campaign").GetString()!, e.GetProperty("stage").GetString()!,
                    e.GetProperty("send").GetString()!, e.GetProperty("contact_id").GetString()!)), line);
            }
        }

        return sends;
    }

    /// <summary>Every send of the run state's outbox.</summary>
    public static async Task<IReadOnlyList<OutboxSend>> OutboxAsync(string state)
    {
        await using var run = await RunState.OpenAsync(state);
        var sends = new List<OutboxSend>();
        await foreach (var send in run.ReadSendsAsync())
        {
            sends.Add(send);
        }

        return sends;
    }

    public static SendKey KeyOf(OutboxSend send) => new(send.Campaign, send.Stage, send.SendId, send.ContactId);

    /// <summary>The idempotency key a message carries as its Message-ID's local part.</summary>
    public static string KeyOf(MimeKit.MimeMessage message) => message.MessageId?.Split('@')[0] ?? "(no Message-ID)";

    /// <summary>
    /// The outbox holds exactly the simulated sends, each once; every send not delivered is explained: it could not be
    /// rendered (recorded failed at planning, never offered to a sender), or a suppression stood before it was due.
    /// Returns the delivered sends' idempotency keys.
    /// </summary>
    public static IReadOnlySet<string> AssertOutboxMatches(IReadOnlySet<SendKey> expected, IReadOnlyList<OutboxSend> outbox)
    {
        var keys = outbox.Select(KeyOf).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var missing = expected.Except(keys).ToList();
        var extra = keys.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing from the outbox: {string.Join(", ", missing.Take(10))} ({missing.Count}); not simulated: {string.Join(", ", extra.Take(10))} ({extra.Count})");
        foreach (var send in outbox.Where(s => s.Status != SendStatus.Delivered))
        {
            Assert.True(
                (send.Status == SendStatus.Failed && send.Attempts == 0 && send.LastError is not null)
                || (send.Status == SendStatus.Suppressed && send.LastError is not null),
                $"{KeyOf(send)} is {send.Status} after {send.Attempts} attempts: {send.LastError}");
        }

        return outbox.Where(s => s.Status == SendStatus.Delivered).Select(s => s.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, System.IO.Path.Combine(to, System.IO.Path.GetFileName(folder)));
        }
    }
}
