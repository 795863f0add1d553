using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Scheduling;

namespace CampaignDsl.Runtime.Tests.Running;

/// <summary>
/// A new plan version applied to journeys in flight (docs/runtime.md, "Editing a running campaign"): contacts keep their
/// place; one waiting for a stage the new version removed goes on with the stage after it at the same moment; a campaign
/// left out of a run keeps its journeys' work for when it is run again.
/// </summary>
public sealed class PlanVersionTickTests : IDisposable
{
    private static readonly DateTimeOffset Start = Plans.Start.AddHours(10);

    private const string Version1 = """
        campaign welcome "Welcome" {
          type welcome
          from "Anna <anna@shop.example>"
          audience { where subscribed }
          stage one { send email BODY subject "One" }
          stage two after 3d { send email BODY subject "Two" }
          stage three after 2d { send email BODY subject "Three" }
        }
        """;

    private readonly TickState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task A_contact_waiting_for_a_removed_stage_goes_on_with_the_next_one_at_the_same_moment()
    {
        var contacts = new[] { Plans.Subscriber("c1", "UTC"), Plans.Subscriber("c2", "UTC") };
        await TickAsync(Campaign(Version1), contacts, Start);

        var version2 = Campaign(Version1.Replace("  stage two after 3d { send email BODY subject \"Two\" }\n", "", StringComparison.Ordinal));
        await TickAsync(version2, contacts, Start.AddDays(10));

        var sends = await SendsAsync();
        foreach (var contact in new[] { "c1", "c2" })
        {
            var own = sends.Where(s => s.ContactId == contact).OrderBy(s => s.DueAt).ToList();
            Assert.Equal(["one", "three"], own.Select(s => s.Stage));
            // Stage two was due three days in; stage three takes its moment (timed from when the removed stage would have run).
            Assert.Equal(Start.AddDays(3), own[1].DueAt);
        }

        var moved = await AuditAsync("plan changed");
        Assert.Equal(2, moved.Count);
        Assert.All(moved, m => Assert.Contains("stage two", m.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contact_waiting_for_a_removed_last_stage_finishes()
    {
        var contacts = new[] { Plans.Subscriber("c1", "UTC") };
        await TickAsync(Campaign(Version1), contacts, Start.AddDays(4));

        var version2 = Campaign(Version1.Replace("  stage three after 2d { send email BODY subject \"Three\" }\n", "", StringComparison.Ordinal));
        await TickAsync(version2, contacts, Start.AddDays(10));

        Assert.Equal(["one", "two"], (await SendsAsync()).OrderBy(s => s.DueAt).Select(s => s.Stage));
        await using var run = await RunState.OpenAsync(StatePath);
        var status = await run.StatusAsync(Start.AddDays(10));
        Assert.Equal("finished", Assert.Single(status.Stages).Status);
    }

    [Fact]
    public async Task A_campaign_left_out_of_a_run_keeps_its_work_for_when_it_is_run_again()
    {
        var other = Campaign("""
            campaign other "Other" {
              type welcome
              from "Anna <anna@shop.example>"
              audience { where subscribed }
              stage first { send email BODY subject "First" }
            }
            """);
        var welcome = Campaign(Version1);
        var contacts = new[] { Plans.Subscriber("c1", "UTC") };
        await TickAsync([welcome, other], contacts, Start);
        await TickAsync([other], contacts, Start.AddDays(1));

        await TickAsync([welcome, other], contacts, Start.AddDays(6));

        Assert.Equal(["other first", "welcome one", "welcome two", "welcome three"],
            (await SendsAsync()).OrderBy(s => s.DueAt).ThenBy(s => s.Campaign, StringComparer.Ordinal).Select(s => $"{s.Campaign} {s.Stage}"));
    }

    [Fact]
    public async Task Two_runs_of_different_campaigns_on_one_state_leave_each_others_work_and_chances_alone()
    {
        var other = Campaign("""
            campaign other "Other" {
              type welcome
              from "Anna <anna@shop.example>"
              audience { where subscribed entry on visit }
              stage first { send email BODY subject "First" }
              stage second after 2d { send email BODY subject "Second" }
            }
            """);
        var welcome = Campaign(Version1);
        var contacts = new[] { Plans.Subscriber("c1", "UTC") };
        var visit = new ContactEvent("c1", "visit", Start.AddDays(1));
        // Two crons on one state, each with its own campaigns, ticking at the same moments, the other one first each time.
        foreach (var day in Enumerable.Range(0, 8))
        {
            var now = Start.AddDays(day);
            await TickAsync([other], contacts, now, [visit]);
            await TickAsync([welcome], contacts, now, [visit]);
        }

        Assert.Equal(["other first", "other second", "welcome one", "welcome three", "welcome two"],
            (await SendsAsync()).Select(s => $"{s.Campaign} {s.Stage}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_waiting_send_the_new_version_no_longer_has_settles_and_the_stage_goes_on()
    {
        // Stage one sends an email and an SMS; the SMS waits for quiet hours to end. Version 2 drops the SMS.
        const string TwoSends = """
            campaign welcome "Welcome" {
              type welcome
              from "Anna <anna@shop.example>"
              audience { where subscribed }
              policy { quiet_hours 00:00..12:00 }
              stage one {
                send email BODY subject "One"
                send sms body "Hi {{first_name}}, reply STOP to opt out"
              }
              stage two after 1d { send email BODY subject "Two" }
            }
            """;
        var contact = Plans.Subscriber("c1", "UTC") with { Phone = "+31612345678", Attributes = DataValues.None };
        await TickAsync(Campaign(TwoSends), [contact], Start.AddHours(-9));

        var version2 = Campaign(TwoSends.Replace("    send sms body \"Hi {{first_name}}, reply STOP to opt out\"\n", "", StringComparison.Ordinal));
        await TickAsync(version2, [contact], Start.AddDays(3));

        Assert.Contains("two", (await SendsAsync()).Select(s => s.Stage));
    }

    private string StatePath => _state.Path;

    private static RunCampaign Campaign(string source) => TickState.Campaign(source);

    private Task<PlanningResult> TickAsync(RunCampaign campaign, IEnumerable<Contact> contacts, DateTimeOffset now) => TickAsync([campaign], contacts, now);

    // Each set of campaigns is its own cron, with its own worker name.
    private Task<PlanningResult> TickAsync(IReadOnlyList<RunCampaign> campaigns, IEnumerable<Contact> contacts, DateTimeOffset now, IEnumerable<ContactEvent>? events = null) =>
        _state.TickAsync(campaigns, new MemoryContactSource(contacts, events ?? []), now, string.Join('+', campaigns.Select(c => c.Name)));

    private Task<List<OutboxSend>> SendsAsync() => _state.SendsAsync();

    private Task<List<AuditRecord>> AuditAsync(string kind) => _state.AuditAsync(kind);
}
