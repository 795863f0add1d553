using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDsl.Runtime.Tests.Running;

public sealed class RunnerTests : IDisposable
{
    private const string ThreeStages = """
        campaign we_miss_you "We miss you" {
          type reengagement
          from "Anna <anna@shop.example>"
          audience { where subscribed }
          stage recognition { send email BODY subject "We noticed you've been away" }
          stage value after 3d { send email BODY subject "Here's what you missed" }
          stage final_call after 4d { send email BODY subject "Last chance" }
        }
        """;

    private static readonly DateTimeOffset Start = Plans.Start.AddHours(10);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Contact[] Contacts(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Plans.Subscriber($"c{i:D2}", "UTC"))];

    private static RunCampaign Campaign(string source) =>
        new(Plans.Compile(source), "test.campaign", (PlanTemplate _, out string? problem) => { problem = "no templates in this test"; return null; });

    private static async Task<(PlanningResult Planned, DeliveryResult Delivered)> RunAsync(
        string state, RunCampaign campaign, IContactSource source, ISenderLike sender, DateTimeOffset now, string worker = "w1")
    {
        await using var run = await RunState.OpenAsync(state);
        var settings = new RunSettings(now, worker, "test", MessageLinks.Default, TimeSpan.FromMinutes(2));
        var running = await run.ApplyPlanAsync(campaign.Name, campaign.Version, campaign.Source, [.. campaign.Plan.Stages.Select(s => s.Name)], now);
        var planned = await new RunTick(run, [campaign], settings).RunAsync(source, new Dictionary<string, RunningCampaign> { [campaign.Name] = running });
        var delivered = await new RunDelivery(run, sender.Sender, settings, sender.Clock).DeliverAsync();
        return (planned, delivered);
    }

    /// <summary>The sender and the real clock a run sees.</summary>
    private sealed record ISenderLike(RecordingSender Sender, TimeProvider Clock);

    [Fact]
    public async Task A_send_that_cannot_be_rendered_is_in_the_audit_log_once_with_why_and_goes_to_no_sender()
    {
        // The plan names a template that the run cannot read (deleted after the plan was made).
        var plan = Plans.Compile("""
            campaign we_miss_you "We miss you" {
              type reengagement
              from "Anna <anna@shop.example>"
              audience { where subscribed }
              stage recognition { send email BODY subject "We noticed you've been away" }
            }
            """);
        var stage = plan.Stages[0];
        var send = stage.Actions.Sends[0] with { Template = new PlanTemplate("templates/gone.hbs", "handlebars", new string('0', 64)) };
        plan = plan with { Stages = [stage with { Actions = stage.Actions with { Sends = [send] } }] };
        var campaign = new RunCampaign(plan, "test.campaign", (PlanTemplate template, out string? problem) =>
        {
            problem = $"template '{template.Path}' was deleted";
            return null;
        });
        var contacts = Contacts(3);
        var state = _folder.Combine("state.db");
        var sender = new ISenderLike(new RecordingSender(), TimeProvider.System);
        // The first tick renders the sends and records them failed; the next one has nothing due and renders nothing again.
        var failures = new List<int>();
        foreach (var hours in new[] { 1, 5 })
        {
            await using var source = new MemoryContactSource(contacts, []);
            var (planned, _) = await RunAsync(state, campaign, source, sender, Start.AddHours(hours));
            failures.Add(planned.RenderFailures);
        }

        Assert.Equal([3, 0], failures);

        Assert.Empty(sender.Sender.Sent);
        await using var run = await RunState.OpenAsync(state);
        var failed = new List<AuditRecord>();
        await foreach (var record in run.ReadAuditAsync())
        {
            if (record.Kind == "send failed")
            {
                failed.Add(record);
            }
        }

        Assert.Equal(["c01", "c02", "c03"], failed.Select(r => r.ContactId).Order());
        Assert.All(failed, r => Assert.Contains("template 'templates/gone.hbs' was deleted", r.Detail, StringComparison.Ordinal));
        Assert.All(failed, r => Assert.Equal("recognition", r.Stage));
    }

    [Fact]
    public async Task Runs_at_successive_moments_send_what_the_simulation_sends_each_message_once()
    {
        var campaign = Campaign(ThreeStages);
        var contacts = Contacts(20);
        var state = _folder.Combine("state.db");
        var sender = new ISenderLike(new RecordingSender(), TimeProvider.System);
        foreach (var hours in new[] { 0, 1, 50, 80, 80, 200, 400 })
        {
            await using var source = new MemoryContactSource(contacts, []);
            await RunAsync(state, campaign, source, sender, Start.AddHours(hours));
        }

        var expected = new List<TimelineEntry>();
        await using (var source = new MemoryContactSource(contacts, []))
        {
            await CampaignSimulator.RunAsync([campaign.Plan], source, new SimulationPeriod(Start, Start.AddHours(400).AddTicks(1)), expected.Add);
        }

        var sent = sender.Sender.Sent.ToList();
        Assert.Equal(60, sent.Count);
        Assert.Equal(
            expected.Where(e => e.Status == TimelineStatus.Sent).Select(e => (e.ContactId, e.Stage)).Order(),
            sent.Select(m => (m.ContactId, (string?)m.Stage)).Order());
        Assert.Equal(sent.Count, sent.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.All(sent, m => Assert.Equal(m.ContactId + "@x.example", m.To));
        Assert.All(sent, m => Assert.StartsWith("https://links.example.invalid/u/", m.UnsubscribeUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_sends_only_what_is_due_by_its_moment()
    {
        var campaign = Campaign(ThreeStages);
        var sender = new ISenderLike(new RecordingSender(), TimeProvider.System);
        await using var source = new MemoryContactSource(Contacts(3), []);
        var (planned, delivered) = await RunAsync(_folder.Combine("state.db"), campaign, source, sender, Start.AddHours(71));
        Assert.Equal((3, 3), (planned.Due, delivered.Delivered));
        Assert.All(sender.Sender.Sent, m => Assert.Equal("recognition", m.Stage));
    }

    [Fact]
    public async Task Unsubscribed_bounced_and_complaining_contacts_get_nothing_more_and_the_log_says_why()
    {
        var campaign = Campaign(ThreeStages);
        var state = _folder.Combine("state.db");
        var sender = new ISenderLike(new RecordingSender(), TimeProvider.System);
        var contacts = Contacts(4);
        await using (var source = new MemoryContactSource(contacts, []))
        {
            await RunAsync(state, campaign, source, sender, Start.AddHours(1));
        }

        ContactEvent[] events =
        [
            new("c01", "email.unsubscribe", Start.AddHours(5)),
            new("c02", "email.bounce", Start.AddHours(6)),
            new("c03", "email.complaint", Start.AddHours(7)),
        ];
        await using (var source = new MemoryContactSource(contacts, events))
        {
            var (_, delivered) = await RunAsync(state, campaign, source, sender, Start.AddDays(8));
            Assert.Equal((2, 6), (delivered.Delivered, delivered.Suppressed));
        }

        Assert.Equal(["c04", "c04"], sender.Sender.Sent.Where(m => m.Stage != "recognition").Select(m => m.ContactId));
        await using var run = await RunState.OpenAsync(state);
        var log = new List<AuditRecord>();
        await foreach (var record in run.ReadAuditAsync("c02"))
        {
            log.Add(record);
        }

        Assert.Contains(log, r => r.Kind == "suppressed" && r.Stage == "value" && r.Detail.Contains("bounced (email.bounce event)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_rejected_recipient_fails_alone_and_is_never_offered_again()
    {
        var campaign = Campaign(ThreeStages);
        var state = _folder.Combine("state.db");
        var recording = new RecordingSender();
        recording.Rejected.Add("c02@x.example");
        var sender = new ISenderLike(recording, TimeProvider.System);
        await using var source = new MemoryContactSource(Contacts(3), []);
        var (_, first) = await RunAsync(state, campaign, source, sender, Start.AddHours(1));
        var (_, again) = await RunAsync(state, campaign, source, sender, Start.AddHours(2));
        Assert.Equal((2, 1), (first.Delivered, first.Failed));
        Assert.Equal((0, 0), (again.Delivered, again.Failed));
        await using var run = await RunState.OpenAsync(state);
        var failed = new List<OutboxSend>();
        await foreach (var send in run.ReadSendsAsync())
        {
            if (send.Status == SendStatus.Failed)
            {
                failed.Add(send);
            }
        }

        Assert.Equal("554 5.1.1 <c02@x.example>: recipient rejected", Assert.Single(failed).LastError);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_by_a_later_run_with_the_same_key()
    {
        var campaign = Campaign(ThreeStages);
        var state = _folder.Combine("state.db");
        var recording = new RecordingSender();
        recording.FailTransientlyTimes["c01@x.example"] = 1;
        var clock = new FakeTimeProvider(Start.AddHours(1));
        var sender = new ISenderLike(recording, clock);
        await using var source = new MemoryContactSource(Contacts(1), []);
        var (_, first) = await RunAsync(state, campaign, source, sender, Start.AddHours(1));
        Assert.Equal((0, 1), (first.Delivered, first.Deferred));

        // The retry waits a minute (backoff) on the real clock.
        clock.Advance(TimeSpan.FromMinutes(2));
        var (_, second) = await RunAsync(state, campaign, source, sender, Start.AddHours(1).AddMinutes(2));
        Assert.Equal(1, second.Delivered);
        await using var run = await RunState.OpenAsync(state);
        await foreach (var send in run.ReadSendsAsync())
        {
            Assert.Equal((SendStatus.Delivered, 2, send.IdempotencyKey), (send.Status, send.Attempts, Assert.Single(recording.Sent).IdempotencyKey));
        }
    }

    [Fact]
    public async Task A_worker_that_dies_mid_send_loses_its_claim_and_the_send_goes_out_once_with_its_key()
    {
        var campaign = Campaign(ThreeStages);
        var state = _folder.Combine("state.db");
        await using (var source = new MemoryContactSource(Contacts(2), []))
        await using (var run = await RunState.OpenAsync(state))
        {
            var settings = new RunSettings(Start.AddHours(1), "dead", "test", MessageLinks.Default, TimeSpan.FromMinutes(2));
            var running = await run.ApplyPlanAsync(campaign.Name, campaign.Version, "test.campaign", ["recognition", "value", "final_call"], Start);
            await new RunTick(run, [campaign], settings).RunAsync(source, new Dictionary<string, RunningCampaign> { [campaign.Name] = running });

            // The worker claims both sends and dies before recording anything.
            Assert.Equal(2, (await run.ClaimAsync("dead", Start.AddHours(1), Start.AddHours(1), Start.AddHours(1).AddMinutes(2), 10)).Count);
        }

        var clock = new FakeTimeProvider(Start.AddHours(1).AddMinutes(3));
        var sender = new ISenderLike(new RecordingSender(), clock);
        await using (var source = new MemoryContactSource(Contacts(2), []))
        {
            var (planned, delivered) = await RunAsync(state, campaign, source, sender, Start.AddHours(1), "alive");
            Assert.Equal((0, 2), (planned.NewSends, delivered.Delivered));
        }

        await using var again = await RunState.OpenAsync(state);
        var keys = new List<string>();
        await foreach (var send in again.ReadSendsAsync())
        {
            Assert.Equal(2, send.Attempts);
            keys.Add(send.IdempotencyKey);
        }

        Assert.Equal(keys.Order(), sender.Sender.Sent.Select(m => m.IdempotencyKey).Order());
    }

    [Fact]
    public async Task A_new_plan_version_never_resends_a_stage_and_cancels_pending_sends_of_removed_stages()
    {
        var v1 = Campaign(ThreeStages);
        var state = _folder.Combine("state.db");
        var recording = new RecordingSender();
        recording.FailTransientlyTimes["c01@x.example"] = 100;
        var clock = new FakeTimeProvider(Start);
        var sender = new ISenderLike(recording, clock);
        await using var source = new MemoryContactSource(Contacts(2), []);
        await RunAsync(state, v1, source, sender, Start);
        await RunAsync(state, v1, source, sender, Start.AddHours(80));
        Assert.Equal([("c02", "recognition"), ("c02", "value")], recording.Sent.Select(m => (m.ContactId, m.Stage)));

        // v2 drops `value` and changes a subject: c02 got `recognition` and `value` under v1 and gets neither again.
        var v2 = Campaign(ThreeStages.Replace("  stage value after 3d { send email BODY subject \"Here's what you missed\" }\n", "", StringComparison.Ordinal)
            .Replace("We noticed you've been away", "Still there?", StringComparison.Ordinal));
        Assert.NotEqual(v1.Version, v2.Version);
        await using (var run = await RunState.OpenAsync(state))
        {
            var change = await PlanChange.DescribeAsync(run, v2);
            Assert.NotNull(change);
            Assert.Equal(["value"], change.RemovedStages);
            Assert.Equal(1L, change.ContactsAtRemovedStages);
            var settings = new RunSettings(Start.AddHours(80), "w1", "test", MessageLinks.Default, TimeSpan.FromMinutes(2));
            Assert.Equal(1, await PlanChange.ApplyAsync(run, v2, change, settings));
        }

        recording.FailTransientlyTimes.Clear();
        clock.Advance(TimeSpan.FromDays(1));
        await RunAsync(state, v2, source, sender, Start.AddDays(20));
        Assert.Equal(
            [("c01", "final_call"), ("c01", "recognition"), ("c02", "final_call"), ("c02", "recognition"), ("c02", "value")],
            recording.Sent.Select(m => (m.ContactId, m.Stage)).Order());

        // c01's first message was planned (rendered) under v1 and goes out as planned, with its v1 key.
        Assert.Equal("We noticed you've been away", recording.Sent.Single(m => m.ContactId == "c01" && m.Stage == "recognition").Subject);
    }

    [Fact]
    public async Task A_click_rule_stores_the_clicked_style_and_later_messages_are_rendered_with_it()
    {
        var campaign = Campaign("""
            campaign style_ask "Which style?" {
              type winback
              from "Anna <anna@shop.example>"
              audience { where subscribed }
              stage ask {
                send email body "Pick one: <a href='https://shop.example/chic' data-tag='style:chic'>Chic</a> <a href='{{unsubscribe_url}}'>Unsubscribe</a>" subject "Trendy or chic?"
                on click "style:*" set style = click.tag
              }
              stage picks after 3d { send email body "Your style: {{style}} <a href='{{unsubscribe_url}}'>Unsubscribe</a>" subject "For you" }
            }
            """);
        var click = new ContactEvent("c01", "email.click", Start.AddDays(1))
        {
            Properties = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, DataValue>
            {
                ["campaign"] = DataValue.Text("style_ask"),
                ["stage"] = DataValue.Text("ask"),
                ["tag"] = DataValue.Text("style:chic"),
            }),
        };
        var state = _folder.Combine("state.db");
        var sender = new ISenderLike(new RecordingSender(), TimeProvider.System);
        await using (var before = new MemoryContactSource(Contacts(2), []))
        {
            await RunAsync(state, campaign, before, sender, Start);
        }

        await using (var after = new MemoryContactSource(Contacts(2), [click]))
        {
            await RunAsync(state, campaign, after, sender, Start.AddDays(5));
        }

        var picks = sender.Sender.Sent.Where(m => m.Stage == "picks").OrderBy(m => m.ContactId).ToList();
        Assert.Equal(2, picks.Count);
        Assert.Contains("Your style: chic", picks[0].HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("chic", picks[1].HtmlBody, StringComparison.Ordinal);
        await using var run = await RunState.OpenAsync(state);
        var profile = Assert.Single(await run.ProfileOfAsync("c01"));
        Assert.Equal(("style", "chic"), (profile.Attribute, profile.Value));
        Assert.Empty(await run.ProfileOfAsync("c02"));
    }
}
