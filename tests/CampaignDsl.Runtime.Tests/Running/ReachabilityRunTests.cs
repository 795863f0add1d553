using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Sending;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Scheduling;

namespace CampaignDsl.Runtime.Tests.Running;

/// <summary>
/// On generated contacts with missing phones and addresses, no consent and line breaks in their data, a real run
/// records as unreachable exactly what the simulation shows as unreachable, and its sender refuses nothing.
/// </summary>
public sealed class ReachabilityRunTests : IDisposable
{
    private const string Campaign = """
        campaign reach "Reach" {
          type reengagement
          from "Anna <anna@shop.example>"
          audience { where created_at < 2030-01-01 }
          policy { cap 2 per 2d }
          stage one {
            send email BODY subject "Hi {{first_name}}"
            send sms body "Hi {{first_name}}, we miss you"
          }
          stage two after 2d { send email BODY { subject "Still there?" weight 50 subject "{{last_name}}, still there?" weight 50 } }
          stage three after 3d { send sms body "Last chance" }
        }
        """;

    private static readonly DateTimeOffset Start = Plans.Start.AddHours(9);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Contacts with every way of being unreachable, and plenty who are not.</summary>
    private static List<Contact> Generated(int count, int seed)
    {
        var random = new Random(seed);
        string? Pick(double missing, double broken, string good, string bad) =>
            random.NextDouble() < missing ? null : random.NextDouble() < broken ? bad : good;
        return [.. Enumerable.Range(1, count).Select(i => new Contact(
            $"c{i:D4}",
            Pick(0.15, 0.08, $"c{i}@x.example", random.Next(3) switch { 0 => $"c{i}@x.example\r\nBcc: all@x.example", 1 => "no address", _ => " " }),
            Pick(0.4, 0, $"+3161234{i:D4}", ""),
            Pick(0, 0.06, "Ann", "Ann\nX-Injected: yes"),
            Pick(0, 0.06, "Lee", "Lee\rBcc: all@x.example"),
            "UTC",
            Subscribed: random.NextDouble() < 0.85,
            CreatedAt: Plans.Start.AddYears(-1)))];
    }

    /// <summary>Refuses what every real sender refuses (Sending/EmailComposer.cs for mail, Sending/MessageSafety.cs for all).</summary>
    private sealed class CheckingSender(RecordingSender inner) : ISender
    {
        public List<string> Refused { get; } = [];

        public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            var problem = message.Channel == "email" ? EmailComposer.Compose(message, Start).Problem : MessageSafety.Problem(message);
            if (problem is not null)
            {
                Refused.Add($"{message.ContactId} {message.Stage}: {problem}");
                return Task.FromResult<SendOutcome>(new SendOutcome.PermanentFailure(problem));
            }

            return inner.SendAsync(message, cancellationToken);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_run_records_the_same_unreachable_sends_with_the_same_reasons_as_the_simulation(int seed)
    {
        var plan = Plans.Compile(Campaign);
        var campaign = new RunCampaign(plan, "reach.campaign", (PlanTemplate _, out string? problem) => { problem = "no templates"; return null; });
        var contacts = Generated(400, seed);
        var state = _folder.Combine($"state{seed}.db");
        var recording = new RecordingSender();
        var sender = new CheckingSender(recording);
        var counted = 0;
        var failed = 0;
        var end = Start.AddDays(10);
        foreach (var now in new[] { Start, Start.AddDays(1), Start.AddDays(2).AddHours(5), Start.AddDays(6), end })
        {
            await using var run = await RunState.OpenAsync(state);
            var settings = new RunSettings(now, "w1", "test", MessageLinks.Default, TimeSpan.FromMinutes(2));
            var running = await run.ApplyPlanAsync(campaign.Name, campaign.Version, campaign.Source, [.. plan.Stages.Select(s => s.Name)], Start);
            await using var source = new MemoryContactSource(contacts, []);
            // Each tick counts what it decided; together they count every unreachable send once.
            counted += (await new RunTick(run, [campaign], settings).RunAsync(source, new Dictionary<string, RunningCampaign> { [campaign.Name] = running })).Unreachable;
            failed += (await new RunDelivery(run, sender, settings, TimeProvider.System).DeliverAsync()).Failed;
        }

        var simulated = new List<TimelineEntry>();
        SimulationSummary summary;
        await using (var source = new MemoryContactSource(contacts, []))
        {
            summary = await CampaignSimulator.RunAsync([plan], source, new SimulationPeriod(Start, end.AddTicks(1)), simulated.Add);
        }

        var unreachable = simulated.Where(e => e.Status == TimelineStatus.Unreachable).ToList();
        var logged = new List<AuditRecord>();
        await using (var run = await RunState.OpenAsync(state))
        {
            await foreach (var record in run.ReadAuditAsync())
            {
                if (record.Kind == TimelineStatus.Unreachable)
                {
                    logged.Add(record);
                }
            }
        }

        // The same sends, for the same reasons, in the log, the pass's count and the simulation's tables.
        Assert.Equal(
            unreachable.Select(e => $"{e.ContactId} {e.Stage} {e.AtUtc:O} {e.Reason}").Order(StringComparer.Ordinal),
            logged.Select(r => $"{r.ContactId} {r.Stage} {r.At:O} {r.Detail}").Order(StringComparer.Ordinal));
        Assert.Equal(unreachable.Count, counted);
        Assert.Equal(unreachable.Count, summary.Stages.Sum(t => t.Unreachable));
        Assert.Equal(unreachable.Count, summary.Unreachable.Sum(u => u.Sends));

        // Everything the scheduler let through went out: no sender refused a header or an address.
        Assert.Empty(sender.Refused);
        Assert.Equal(0, failed);
        Assert.Equal(
            simulated.Where(e => e.Status == TimelineStatus.Sent).Select(e => $"{e.ContactId} {e.Stage} {e.SendId}").Order(StringComparer.Ordinal),
            recording.Sent.Select(m => $"{m.ContactId} {m.Stage} {plan.Stages.First(s => s.Name == m.Stage).Actions.Sends.First(s => s.Channel == m.Channel).Id}")
                .Order(StringComparer.Ordinal));

        // Every way of being unreachable occurred, so each was compared.
        var reasons = unreachable.Select(e => e.Reason!).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("no phone number", reasons);
        Assert.Contains("no email address", reasons);
        Assert.Contains(SubscribedConsent.NotSubscribed, reasons);
        Assert.Contains("header refused: the email address holds a carriage return (CR)", reasons);
        Assert.Contains("the email address does not parse as one (name@domain)", reasons);
        Assert.Contains("header refused: the subject holds a line feed (LF) once the contact's values are filled in", reasons);
        Assert.Contains("header refused: the subject holds a carriage return (CR) once the contact's values are filled in", reasons);
    }
}
