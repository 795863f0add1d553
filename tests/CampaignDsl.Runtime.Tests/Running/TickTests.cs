using System.Runtime.CompilerServices;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Scheduling;

namespace CampaignDsl.Runtime.Tests.Running;

/// <summary>
/// A run keeps each contact's journey and advances only what is due (docs/runtime.md, "Journeys and ticks"): a tick with
/// nothing due reads no contact's history, and data that changes between ticks follows the written rules (a late import
/// enters from when it is seen, an attribute change does not undo an enrolment, a late event gives no entry but counts
/// from the journey's next moment).
/// </summary>
public sealed class TickTests : IDisposable
{
    private static readonly DateTimeOffset Start = Plans.Start.AddHours(10);

    private const string ThreeStages = """
        campaign welcome "Welcome" {
          type welcome
          from "Anna <anna@shop.example>"
          audience { where subscribed }
          policy { goal purchase within 30d }
          stage one { send email BODY subject "One" }
          stage two after 3d { send email BODY subject "Two" }
          stage three after 4d { send email BODY subject "Three" }
        }
        """;

    private readonly TickState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task A_tick_with_nothing_due_reads_no_contacts_history()
    {
        var campaign = Campaign("""
            campaign visits "Visits" {
              type welcome
              from "Anna <anna@shop.example>"
              audience { where subscribed entry on visit }
              stage one { send email BODY subject "One" }
              stage two after 5d { send email BODY subject "Two" }
            }
            """);
        var contacts = Enumerable.Range(1, 50).Select(i => Plans.Subscriber($"c{i:D2}", "UTC")).ToList();
        var visits = contacts.Take(10).Select(c => new ContactEvent(c.Id, "visit", Start)).ToList();
        var source = new CountingSource(new MemoryContactSource(contacts, visits));

        var first = await TickAsync(campaign, source, Start);
        var before = source.Snapshot();
        var idle = await TickAsync(campaign, source, Start.AddHours(2));
        var idleReads = source.Snapshot() - before;

        // The first tick entered the ten visitors (their visits are at the campaign's start, in its first window).
        Assert.Equal(10, first.Contacts);
        Assert.Equal(0, idle.Contacts);
        Assert.Equal(0, idleReads.Contacts);
        Assert.Equal(0, idleReads.WholeHistories);
        Assert.Equal(0, idleReads.EventsOfOneContact);
        // Five days on, the ten are due again.
        var due = await TickAsync(campaign, source, Start.AddDays(5).AddHours(1));
        Assert.Equal(10, due.Contacts);
        Assert.Equal(10, due.Due);
    }

    [Fact]
    public async Task A_contact_imported_after_the_start_enters_when_first_seen_with_no_burst_of_past_stages()
    {
        var campaign = Campaign(ThreeStages);
        var early = Plans.Subscriber("early", "UTC");
        var late = Plans.Subscriber("late", "UTC");
        await TickAsync(campaign, new MemoryContactSource([early], []), Start);
        await TickAsync(campaign, new MemoryContactSource([early], []), Start.AddDays(3));

        var seen = Start.AddDays(10);
        await TickAsync(campaign, new MemoryContactSource([early, late], []), seen);

        var sends = await SendsAsync();
        Assert.Equal(["one", "two", "three"], sends.Where(s => s.ContactId == "early").OrderBy(s => s.DueAt).Select(s => s.Stage));
        var lateSends = sends.Where(s => s.ContactId == "late").ToList();
        var only = Assert.Single(lateSends);
        Assert.Equal(("one", seen), (only.Stage, only.DueAt));
    }

    [Fact]
    public async Task An_attribute_change_after_entry_does_not_undo_the_enrolment()
    {
        var campaign = Campaign(ThreeStages.Replace("audience { where subscribed }", "audience { where subscribed and vip }", StringComparison.Ordinal));
        var vip = Plans.Subscriber("c1", "UTC") with { Attributes = DataValues.None.Add("vip", DataValue.Boolean(true)) };
        await TickAsync(campaign, new MemoryContactSource([vip], []), Start);

        var changed = vip with { Attributes = DataValues.None.Add("vip", DataValue.Boolean(false)) };
        await TickAsync(campaign, new MemoryContactSource([changed], []), Start.AddDays(8));

        Assert.Equal(["one", "two", "three"], (await SendsAsync()).OrderBy(s => s.DueAt).Select(s => s.Stage));
    }

    [Fact]
    public async Task A_late_event_gives_no_entry_but_counts_from_the_journeys_next_moment()
    {
        var onPurchase = Campaign("""
            campaign thanks "Thanks" {
              type appreciation
              from "Anna <anna@shop.example>"
              audience { where subscribed entry on purchase }
              stage one { send email BODY subject "Thanks" }
            }
            """);
        var welcome = Campaign(ThreeStages);
        var contact = Plans.Subscriber("c1", "UTC");
        await TickAsync([welcome, onPurchase], new MemoryContactSource([contact], []), Start);
        await TickAsync([welcome, onPurchase], new MemoryContactSource([contact], []), Start.AddDays(2));

        // A purchase a day after the start, imported only after the tick two days after it: its moment has passed.
        var purchase = new ContactEvent("c1", "purchase", Start.AddDays(1), 20m);
        await TickAsync([welcome, onPurchase], new MemoryContactSource([contact], [purchase]), Start.AddDays(2).AddHours(1));
        await TickAsync([welcome, onPurchase], new MemoryContactSource([contact], [purchase]), Start.AddDays(10));

        var sends = await SendsAsync();
        // No thank-you: the event came after its moment. The welcome's goal sees it at the journey's next moment (stage two,
        // three days in), so stage two is not sent; the exit is dated at the purchase.
        Assert.Equal(["welcome one"], sends.Select(s => $"{s.Campaign} {s.Stage}"));
        var exit = Assert.Single(await _state.AuditAsync("exit"));
        Assert.Equal(Start.AddDays(1), exit.At);
        Assert.Contains("goal reached", exit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_no_longer_in_the_data_is_sent_nothing_and_its_journey_waits()
    {
        var campaign = Campaign(ThreeStages);
        var contact = Plans.Subscriber("c1", "UTC");
        await TickAsync(campaign, new MemoryContactSource([contact], []), Start);

        var gone = await TickAsync(campaign, new MemoryContactSource([], []), Start.AddDays(8));
        await using (var run = await RunState.OpenAsync(StatePath))
        {
            Assert.NotNull(await run.JourneyOfAsync("c1"));
        }

        Assert.Equal(0, gone.Due);
        Assert.Equal(["one"], (await SendsAsync()).Select(s => s.Stage));
    }

    [Fact]
    public async Task A_run_state_from_before_journeys_goes_on_without_sending_anything_twice()
    {
        var campaign = Campaign(ThreeStages);
        var contacts = new[] { Plans.Subscriber("c1", "UTC"), Plans.Subscriber("c2", "UTC") };
        await TickAsync(campaign, new MemoryContactSource(contacts, []), Start);
        // What a state written before journeys held: the outbox and the audit log, no journeys, chances or cursors.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={StatePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var forget = connection.CreateCommand();
            forget.CommandText = "DELETE FROM journeys; DELETE FROM journey_chances; DELETE FROM tick_cursors; DELETE FROM enrolments;";
            await forget.ExecuteNonQueryAsync();
        }

        var resumed = await TickAsync(campaign, new MemoryContactSource(contacts, []), Start.AddDays(4));

        var sends = await SendsAsync();
        Assert.Equal(4, sends.Count);
        Assert.Equal(2, resumed.NewSends);
        Assert.Equal(["one", "one", "two", "two"], sends.Select(s => s.Stage).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_journey_whose_state_cannot_be_read_is_left_as_it_is_and_the_others_go_on()
    {
        var campaign = Campaign(ThreeStages);
        var contacts = new[] { Plans.Subscriber("c1", "UTC"), Plans.Subscriber("c2", "UTC") };
        await TickAsync(campaign, new MemoryContactSource(contacts, []), Start);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={StatePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE journeys SET state = '{\"Version\":99}' WHERE contact_id = 'c1'";
            await damage.ExecuteNonQueryAsync();
        }

        await TickAsync(campaign, new MemoryContactSource(contacts, []), Start.AddDays(4));

        var sends = await SendsAsync();
        Assert.Equal(["one", "two"], sends.Where(s => s.ContactId == "c2").OrderBy(s => s.DueAt).Select(s => s.Stage));
        Assert.Equal(["one"], sends.Where(s => s.ContactId == "c1").Select(s => s.Stage));
        await using (var run = await RunState.OpenAsync(StatePath))
        {
            Assert.Equal("{\"Version\":99}", await run.JourneyOfAsync("c1"));
        }

        Assert.Contains("newer campaignc", Assert.Single(await _state.AuditAsync("paused", "c1")).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tick_asked_to_stop_does_not_wait_for_journeys_another_worker_holds()
    {
        var campaign = Campaign(ThreeStages);
        var contacts = new[] { Plans.Subscriber("c1", "UTC") };
        await TickAsync(campaign, new MemoryContactSource(contacts, []), Start);
        await using var run = await RunState.OpenAsync(StatePath);
        var due = Start.AddDays(4);
        // A live worker holds the journey with a long lease.
        var held = await run.ClaimJourneysAsync("other", due, due, due.AddHours(1), 10, [campaign.Name], "other@1");
        Assert.Single(held);
        var settings = new RunSettings(due, "w1", "test", MessageLinks.Default, TimeSpan.FromMinutes(2));
        var running = await run.ApplyPlanAsync(campaign.Name, campaign.Version, campaign.Source, [.. campaign.Plan.Stages.Select(s => s.Name)], due);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        // The clock never moves: a tick that waited for the lease would never end.
        var tick = new RunTick(run, [campaign], settings, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(due)) { Stopping = stop.Token }
            .RunAsync(new MemoryContactSource(contacts, []), new Dictionary<string, RunningCampaign> { [campaign.Name] = running });
        var result = await tick.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.Contacts);
    }

    private string StatePath => _state.Path;

    private static RunCampaign Campaign(string source) => TickState.Campaign(source);

    private Task<PlanningResult> TickAsync(RunCampaign campaign, IContactSource source, DateTimeOffset now) => _state.TickAsync([campaign], source, now);

    private Task<PlanningResult> TickAsync(IReadOnlyList<RunCampaign> campaigns, IContactSource source, DateTimeOffset now) => _state.TickAsync(campaigns, source, now);

    private Task<List<OutboxSend>> SendsAsync() => _state.SendsAsync();

    /// <summary>What a source was asked for: contacts read, and event reads of whole histories, of one contact, or filtered by type and time.</summary>
    private sealed record Reads(long Contacts, long ContactsRead, long WholeHistories, long EventsOfOneContact)
    {
        public static Reads operator -(Reads a, Reads b) =>
            new(a.Contacts - b.Contacts, a.ContactsRead - b.ContactsRead, a.WholeHistories - b.WholeHistories, a.EventsOfOneContact - b.EventsOfOneContact);
    }

    private sealed class CountingSource(IContactSource inner) : IContactSource
    {
        private long _contactReads;
        private long _contactsRead;
        private long _wholeHistories;
        private long _oneContact;

        public string Kind => inner.Kind;

        public Reads Snapshot() => new(_contactReads, _contactsRead, _wholeHistories, _oneContact);

        public async IAsyncEnumerable<Contact> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            _contactReads++;
            await foreach (var contact in inner.ReadContactsAsync(cancellationToken))
            {
                _contactsRead++;
                yield return contact;
            }
        }

        public IAsyncEnumerable<ContactEvent> ReadEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
        {
            if (query.ContactId is not null)
            {
                _oneContact++;
            }
            else if (query.Types.IsDefaultOrEmpty)
            {
                _wholeHistories++;
            }

            return inner.ReadEventsAsync(query, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
