using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>The RFM population and how ties fall (docs/runtime.md, "RFM").</summary>
public sealed class RfmTests
{
    private static readonly DateTimeOffset Start = Plans.Start;

    [Fact]
    public async Task A_contact_who_enters_later_ranks_within_the_customers_even_when_the_audience_was_empty_at_the_start()
    {
        // Nobody has bought in the 30 days before the start, so the audience is empty then. Ten customers bought 1 to 10
        // times long before; "loyal" bought 12 times and buys again on day 3, enters, and must rank top in frequency.
        var plans = Plans.CompileAll("""
            campaign t {
              type winback
              audience { where subscribed and count(purchase in 30d) >= 1 entry daily }
              segment frequent = rfm.frequency >= 4
              stage one {
                for frequent { send email BODY subject "frequent" }
                otherwise { send email BODY subject "other" }
              }
            }
            """);
        var contacts = new List<Contact>();
        var events = new List<ContactEvent>();
        for (var i = 1; i <= 10; i++)
        {
            var id = $"c{i:D2}";
            contacts.Add(Plans.Subscriber(id, "UTC"));
            events.AddRange(Enumerable.Range(0, i).Select(k => new ContactEvent(id, "purchase", Start.AddDays(-200 - k), 20m)));
        }

        contacts.Add(Plans.Subscriber("loyal", "UTC"));
        events.AddRange(Enumerable.Range(0, 12).Select(k => new ContactEvent("loyal", "purchase", Start.AddDays(-100 - k), 20m)));
        events.Add(new ContactEvent("loyal", "purchase", Start.AddDays(3).AddHours(10), 20m));

        var rows = new List<TimelineEntry>();
        await using var source = new CampaignDsl.Runtime.Data.Memory.MemoryContactSource(contacts, events);
        await CampaignSimulator.RunAsync(plans, source, SimulationPeriod.FromDays(Start, 10), rows.Add);
        var sent = Assert.Single(rows, r => r.Status == TimelineStatus.Sent);
        Assert.Equal("loyal", sent.ContactId);
        Assert.Equal("frequent", sent.Subject);
    }

    [Fact]
    public void The_population_is_never_empty_while_someone_is_scored()
    {
        // No one had bought by the start: a buyer ranks within itself alone, the best of one.
        var history = new ContactHistory(Plans.Subscriber("c1", "UTC"), [Plans.Event("c1", "purchase", "2026-01-07T10:00:00Z", 80m)]);
        var nobody = new RfmPopulation(Start);
        nobody.Add(new RfmMeasures(null, 0, 0m));
        Assert.Equal(0, nobody.Count);
        foreach (var dimension in new[] { "recency", "frequency", "monetary" })
        {
            Assert.Equal(5, nobody.Score(dimension, history, Start.AddDays(5)));
            Assert.Equal(1, nobody.Score(dimension, history, Start.AddDays(1))); // before the purchase: never bought
        }
    }

    [Fact]
    public void Ties_share_the_place_of_the_first_of_them_so_fall_to_the_lower_quintile()
    {
        // 20 customers spent 10, 80 spent 50: in order they fill places 1-20 and 21-100, but the 80 share place 21.
        var population = new RfmPopulation(Start);
        for (var i = 0; i < 100; i++)
        {
            population.Add(new RfmMeasures(Start.AddDays(-i - 1), 1, i < 20 ? 10m : 50m));
        }

        // One of the 80, scored in place of its own entry: 20 worse, 100 in all.
        var own = new RfmMeasures(Start.AddDays(-50), 1, 50m);
        Assert.Equal(2, population.Score("monetary", own, own, Start));
        Assert.Equal(1, population.Score("monetary", new RfmMeasures(Start.AddDays(-5), 1, 10m), new RfmMeasures(Start.AddDays(-5), 1, 10m), Start));

        // Spending more than everyone else moves it to the top; its own old entry no longer counts below it.
        Assert.Equal(5, population.Score("monetary", own with { Spend = 60m }, own, Start));

        // Recency counts whole days at the scoring moment for everyone: ten days in, a last purchase 5 days before the
        // start (15 days) beats the 94 customers whose last purchase was 6 or more days before the start.
        var recent = new RfmMeasures(Start.AddDays(-5), 1, 10m);
        Assert.Equal(5, population.Score("recency", recent, recent, Start.AddDays(10)));
        // A contact who bought long ago ranks 1, tied or not.
        Assert.Equal(1, population.Score("recency", new RfmMeasures(Start.AddDays(-400), 1, 1m), null, Start.AddDays(10)));
    }
}
