using System.Globalization;
using System.Text;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// The simulator on a store reads only the histories of contacts who can enter (<see cref="EntryPrefilter"/>): the
/// timeline (as the CSV a user gets) is byte for byte the one read from everyone, on the example data and on a
/// generated data set, for every example campaign; and the prefilter is used where it applies.
/// </summary>
public sealed class SimulationPushdownTests
{
    /// <summary>Inside the example data (which ends 2026-01-01), so the event entries have events to enter on.</summary>
    private static readonly SimulationPeriod Period = SimulationPeriod.FromDays(new DateTimeOffset(2025, 10, 20, 0, 0, 0, TimeSpan.Zero), 60);

    [Fact]
    public async Task Every_example_campaign_simulates_the_same_with_and_without_push_down_on_the_example_data()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("examples.db"),
            RepositoryPaths.InRepo("examples", "data", "contacts.csv"), RepositoryPaths.InRepo("examples", "data", "events.csv"));
        var (prefiltered, rows) = await CompareEveryCampaignAsync(store, 300);

        // The event entries (an order, a delivery, a complaint, a cancellation) are prefiltered, and some of them send.
        Assert.True(prefiltered >= 5, $"{prefiltered} campaigns prefiltered");
        Assert.True(rows > 0);
    }

    [Fact]
    public async Task Every_example_campaign_simulates_the_same_with_and_without_push_down_on_generated_data()
    {
        using var folder = new TempFolder();
        var (contacts, events) = Generated(new Random(20251020), 600);
        await using var store = await ExampleProject.ImportAsync(folder.Combine("generated.db"), folder.Write("contacts.csv", contacts), folder.Write("events.csv", events));
        var (prefiltered, rows) = await CompareEveryCampaignAsync(store, 600);
        Assert.True(prefiltered >= 5, $"{prefiltered} campaigns prefiltered");
        Assert.True(rows > 100, $"{rows} rows");
    }

    [Fact]
    public async Task A_prefiltered_run_reads_only_the_contacts_who_can_enter_and_still_counts_everyone()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("examples.db"),
            RepositoryPaths.InRepo("examples", "data", "contacts.csv"), RepositoryPaths.InRepo("examples", "data", "events.csv"));
        var plan = ExampleProject.Plans().Single(p => p.Campaign.Name == "first_order_thanks");
        var (pushed, pushedRead, pushedSummary) = await SimulateAsync(store, [plan], pushDown: true);
        var (all, allRead, allSummary) = await SimulateAsync(store, [plan], pushDown: false);
        Assert.Equal(all, pushed);
        Assert.Equal(300, allRead);
        Assert.True(pushedRead < 300 && pushedRead > 0, $"{pushedRead} histories read");
        Assert.Equal(300, pushedSummary.Contacts);
        Assert.Equal(allSummary.Entered(plan.Campaign.Name), pushedSummary.Entered(plan.Campaign.Name));
    }

    [Fact]
    public async Task Daily_audiences_pushed_down_at_every_check_select_everyone_who_enters_and_the_filtered_read_gives_the_same_timeline()
    {
        // The simulator does not afford one query per simulated day, but the set those queries give is exact: reading
        // only its contacts gives the same timeline, and nobody outside it enters.
        using var folder = new TempFolder();
        var (contacts, events) = Generated(new Random(7), 600);
        await using var store = await ExampleProject.ImportAsync(folder.Combine("generated.db"), folder.Write("contacts.csv", contacts), folder.Write("events.csv", events));
        var plans = ExampleProject.Plans();
        var daily = plans.Where(p => p.Audience.Entry.Mode == EntryModes.Daily && p.Audience.Where is not null).ToList();
        Assert.NotEmpty(daily);
        var entered = 0;
        foreach (var plan in daily)
        {
            var together = WithTarget(plan, plans);
            Assert.Null(await EntryPrefilter.FindAsync(together, store, Period, EntryPrefilter.Affordable, CancellationToken.None));
            var ids = await EntryPrefilter.FindAsync(together, store, Period, int.MaxValue, CancellationToken.None);
            Assert.NotNull(ids);
            var sqlite = (SqliteContactSource)store.AsSource();
            await using var only = await sqlite.OnlyAsync(ids.Order(StringComparer.Ordinal));
            var (all, _, allSummary) = await SimulateAsync(store, together, pushDown: false);
            var (filtered, read, _) = await SimulateAsync(only, together);
            Assert.Equal(all, filtered);
            Assert.Equal(ids.Count, read);
            Assert.True(ids.Count < 600, $"{plan.Campaign.Name}: {ids.Count} may enter");
            Assert.True(allSummary.Entered(plan.Campaign.Name) <= ids.Count);
            entered += allSummary.Entered(plan.Campaign.Name);
        }

        Assert.True(entered > 0);
    }

    private static async Task<(int Prefiltered, int Rows)> CompareEveryCampaignAsync(ContactStore store, int contacts)
    {
        var plans = ExampleProject.Plans();
        var (prefiltered, rows) = (0, 0);
        foreach (var plan in plans.Where(p => p.Audience.Entry.Id is not null))
        {
            var together = WithTarget(plan, plans);
            var (pushed, pushedRead, pushedSummary) = await SimulateAsync(store, together, pushDown: true);
            var (all, allRead, allSummary) = await SimulateAsync(store, together, pushDown: false);
            Assert.Equal(all, pushed);
            Assert.Equal(contacts, allRead);
            Assert.Equal(contacts, pushedSummary.Contacts);
            Assert.All(together, p => Assert.Equal(allSummary.Entered(p.Campaign.Name), pushedSummary.Entered(p.Campaign.Name)));
            if (await EntryPrefilter.FindAsync(together, store, Period, EntryPrefilter.Affordable, CancellationToken.None) is not null)
            {
                prefiltered++;
                Assert.True(pushedRead < contacts, $"{plan.Campaign.Name}: {pushedRead} read");
            }
            else
            {
                Assert.Equal(contacts, pushedRead);
            }

            rows += all.Split('\n').Length - 2;
        }

        return (prefiltered, rows);
    }

    /// <summary>A campaign with the one it hands off to, as the compiler requires them simulated together.</summary>
    private static List<CampaignPlan> WithTarget(CampaignPlan plan, IReadOnlyList<CampaignPlan> plans) =>
        [plan, .. plans.Where(p => p.Campaign.Name == plan.Policies.Handoff?.Campaign && p != plan)];

    private static Task<(string Timeline, int Read, SimulationSummary Summary)> SimulateAsync(ContactStore store, IReadOnlyList<CampaignPlan> plans, bool pushDown) =>
        SimulateAsync(store.AsSource(), plans, pushDown);

    private static async Task<(string Timeline, int Read, SimulationSummary Summary)> SimulateAsync(
        IContactSource source, IReadOnlyList<CampaignPlan> plans, bool pushDown = false)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var read = 0;
        SimulationSummary summary;
        using (var writer = new TimelineWriter(text, jsonLines: false))
        {
            summary = await CampaignSimulator.RunAsync(plans, source, Period, writer.Write, (_, _) => read++, forecast: null, pushDown);
        }

        return (text.ToString(), read, summary);
    }

    /// <summary>Contacts (most subscribed, in several zones) and events of every type the examples enter and exit on, around the period.</summary>
    private static (string Contacts, string Events) Generated(Random random, int count)
    {
        string[] zones = ["Europe/Amsterdam", "Europe/London", "America/New_York", "Asia/Tokyo", ""];
        string[] types = ["email.open", "email.click", "purchase", "visit", "delivery", "complaint", "subscription_cancelled"];
        string[] categories = ["bags", "dresses", "hair_extensions", "shoes", ""];
        var contacts = new StringBuilder("id,email,first_name,last_name,timezone,locale,subscribed,created_at,country,vip,lifetime_value\n");
        var events = new StringBuilder("contact_id,type,at,amount,campaign,order_id,category\n");
        var from = new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"G{i:0000}");
            var created = from.AddMinutes(random.Next(0, 600 * 24 * 60));
            contacts.Append(CultureInfo.InvariantCulture,
                $"{id},g{i}@example.com,Gen,Contact{i},{zones[random.Next(zones.Length)]},en-GB,{(random.Next(10) < 9 ? "true" : "false")},{created:yyyy-MM-ddTHH:mm:ssZ},NL,{(random.Next(5) == 0 ? "true" : "false")},{random.Next(0, 2000)}.{random.Next(0, 100):00}\n");
            var n = random.Next(0, 25);
            for (var e = 0; e < n; e++)
            {
                var type = types[random.Next(random.Next(2) == 0 ? 3 : types.Length)];
                var at = from.AddSeconds(random.Next(0, 500 * 24 * 3600));
                var amount = type == "purchase" ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(5, 300)}.{random.Next(0, 100):00}") : "";
                var category = type == "purchase" ? categories[random.Next(categories.Length)] : "";
                events.Append(CultureInfo.InvariantCulture, $"{id},{type},{at:yyyy-MM-ddTHH:mm:ssZ},{amount},,{(type == "purchase" ? "O" + e : "")},{category}\n");
            }
        }

        return (contacts.ToString(), events.ToString());
    }
}
