using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary>
/// <c>campaignc simulate</c> and <c>campaignc run</c> on generated contacts, a share without a phone number, an email
/// address or consent: both count the same unreachable sends, for the same reasons, and the run's sender refuses nothing.
/// </summary>
public sealed partial class SimulateReachabilityTests : IDisposable
{
    private const string Campaign = """
        campaign reach "Reach" {
          type reengagement
          from "Anna <anna@shop.example>"
          audience { where created_at < 2030-01-01 }
          policy { cap 2 per 1d }
          stage one {
            send email body "Hi {{first_name}} <a href='{{unsubscribe_url}}'>Unsubscribe</a>" subject "Hi {{first_name}}"
            send sms body "Hi {{first_name}}, we miss you"
          }
          stage two after 2d { send sms body "Still there?" }
          stage three after 3d { send email body "Bye <a href='{{unsubscribe_url}}'>Unsubscribe</a>" subject "Bye" }
        }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>300 contacts: 40% without a phone, 10% without an email address, 10% without consent.</summary>
    private string Contacts()
    {
        var random = new Random(5);
        var csv = new StringBuilder("id,email,phone,first_name,timezone,subscribed,created_at\n");
        for (var i = 1; i <= 300; i++)
        {
            var email = random.NextDouble() < 0.1 ? "" : $"c{i}@x.example";
            var phone = random.NextDouble() < 0.4 ? "" : $"+3161234{i:D4}";
            var subscribed = random.NextDouble() < 0.1 ? "false" : "true";
            csv.Append(CultureInfo.InvariantCulture, $"C{i:D4},{email},{phone},Ann,Europe/Amsterdam,{subscribed},2025-01-01T00:00:00Z\n");
        }

        return _folder.Write("contacts.csv", csv.ToString());
    }

    [Fact]
    public async Task Simulate_tables_and_the_run_s_audit_log_show_the_same_unreachable_sends_and_reasons()
    {
        var campaign = _folder.Write("reach.campaign", Campaign);
        var config = _folder.Write("campaignc.yaml", "version: 1\nruntime:\n  sender: { kind: console }\n");
        var contacts = Contacts();
        var simulate = await Cli.RunAsync("simulate", campaign, "--data", contacts, "--start", "2026-01-05", "--days", "8", "--out", _folder.Combine("t.jsonl"), "--config", config);
        Assert.True(simulate.ExitCode == 0, simulate.ToString());

        var rows = File.ReadAllLines(_folder.Combine("t.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var unreachable = rows.Where(r => r.GetProperty("status").GetString() == "unreachable").ToList();
        string Describe(JsonElement r) => $"{r.GetProperty("contact_id").GetString()} {r.GetProperty("stage").GetString()} {r.GetProperty("reason").GetString()}";

        // The stage table's "unreachable" column holds each stage's count.
        var lines = simulate.Stdout.Split('\n');
        var header = Cells(lines.First(l => l.Contains("│ campaign", StringComparison.Ordinal) && l.Contains("unreachable", StringComparison.Ordinal)));
        var column = Array.IndexOf(header, "unreachable");
        foreach (var stage in new[] { "one", "two", "three" })
        {
            var row = Cells(lines.First(l => l.StartsWith("│ reach", StringComparison.Ordinal) && Cells(l)[1] == stage));
            Assert.Equal(unreachable.Count(r => r.GetProperty("stage").GetString() == stage), int.Parse(row[column], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        }

        // The reasons table: each reason with its count, as the timeline has them.
        foreach (var group in unreachable.GroupBy(r => (Channel: r.GetProperty("channel").GetString()!, Reason: r.GetProperty("reason").GetString()!)))
        {
            Assert.Contains(lines, l => l.StartsWith("│ reach", StringComparison.Ordinal) && Cells(l) is var c
                && c[1] == group.Key.Channel && c[2] == group.Key.Reason && c[3] == group.Count().ToString("N0", CultureInfo.InvariantCulture));
        }

        Assert.Equal(["no consent: subscribed is false", "no email address", "no phone number"], unreachable.Select(r => r.GetProperty("reason").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray());

        // The same data, run for real in three passes over the same days, with the console sender (it takes every channel).
        var printed = new List<string>();
        var counted = 0;
        foreach (var now in new[] { "2026-01-05T00:00:00Z", "2026-01-08T12:00:00Z", "2026-01-12T00:00:00Z" })
        {
            // A child process: the console sender prints to the process's own stdout.
            var run = await Cli.RunChildAsync(_folder.Path, "run", campaign, "--data", contacts, "--state", _folder.Combine("state.db"), "--config", config, "--now", now);
            Assert.True(run.ExitCode == 0, run.ToString());
            printed.AddRange(run.Stdout.Split('\n').Where(l => Message().IsMatch(l)));
            Assert.Contains("failed 0,", run.Stdout, StringComparison.Ordinal);
            // Each pass counts the unreachable sends it decided; together they count each one once.
            if (UnreachableCount().Match(run.Stdout) is { Success: true } match)
            {
                counted += int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        Assert.Equal(unreachable.Count, counted);

        var audit = await Cli.RunAsync("audit", "--state", _folder.Combine("state.db"));
        Assert.Equal(0, audit.ExitCode);
        var logged = audit.Stdout.Split('\n').Where(l => l.Contains("  unreachable ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("  unreachable ", StringComparison.Ordinal) + 14)..].Trim().Split("  ", 4))
            .Select(p => $"{p[1]} {p[2]} {p[3]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(unreachable.Select(Describe).Order(StringComparer.Ordinal), logged);

        // Every send the simulation shows went out, on its channel: nothing unreachable slipped through.
        Assert.Equal(
            rows.Where(r => r.GetProperty("status").GetString() == "sent").Select(r => r.GetProperty("channel").GetString()).Order(StringComparer.Ordinal),
            printed.Select(l => l.Split(' ')[0]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(printed, l => l.Contains(" to : ", StringComparison.Ordinal));
    }

    [GeneratedRegex("^(email|sms) [0-9a-f]{32} to ")]
    private static partial Regex Message();

    private static string[] Cells(string line) => [.. line.Split('│').Skip(1).SkipLast(1).Select(c => c.Trim())];

    [GeneratedRegex(@"; ([0-9,]+) unreachable \(in the audit log with the reason\)")]
    private static partial Regex UnreachableCount();
}
