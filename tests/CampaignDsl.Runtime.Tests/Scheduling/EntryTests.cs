using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Entry modes and the re-entry policy on the virtual clock.</summary>
public sealed class EntryTests
{
    private static string Campaign(string audience) => $$"""
        campaign t {
          type reengagement
          audience { {{audience}} }
          stage hello { send email BODY subject "x" }
        }
        """;

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Once_takes_the_audience_at_the_start_only()
    {
        var plan = Plans.Compile(Campaign("where count(purchase) > 0 entry once"));
        var buyer = Plans.Run(plan, Plans.Subscriber(), [Plans.Event("c1", "purchase", "2025-12-01T10:00:00Z", 10m)]);
        Assert.Equal(Plans.Start, Assert.Single(buyer).AtUtc);

        // Matches only after the start: never enters.
        Assert.Empty(Plans.Run(plan, Plans.Subscriber(), [Plans.Event("c1", "purchase", "2026-01-10T10:00:00Z", 10m)]));
    }

    [Fact]
    public void Daily_enters_on_the_first_day_the_contact_matches()
    {
        var plan = Plans.Compile(Campaign("where days_since(last purchase) >= 30 entry daily"));
        var entries = Plans.Run(plan, Plans.Subscriber("c1", "UTC"), [Plans.Event("c1", "purchase", "2025-12-20T10:00:00Z", 10m)]);
        Assert.Equal(Utc("2026-01-20T00:00:00Z"), Assert.Single(entries).AtUtc);
    }

    [Fact]
    public void On_event_enters_at_the_event_when_its_condition_holds()
    {
        var plan = Plans.Compile(Campaign("where subscribed entry on purchase when purchase.amount >= EUR 50"));
        var entries = Plans.Run(plan, Plans.Subscriber("c1", "UTC"),
            [Plans.Event("c1", "purchase", "2026-01-08T10:00:00Z", 20m), Plans.Event("c1", "purchase", "2026-01-09T11:00:00Z", 80m)]);
        Assert.Equal(Utc("2026-01-09T11:00:00Z"), Assert.Single(entries).AtUtc);
    }

    [Fact]
    public void On_anniversary_enters_each_year_at_the_local_time()
    {
        var plan = Plans.Compile(Campaign("where subscribed entry on anniversary of birthday at 09:00 reentry after 360d"));
        var contact = Plans.Subscriber() with { Attributes = DataValues.None.Add("birthday", DataValue.Date(new DateOnly(1990, 2, 10))) };
        var entries = Plans.Run(plan, contact, days: 420);
        Assert.Equal([Utc("2026-02-10T08:00:00Z"), Utc("2027-02-10T08:00:00Z")], entries.Select(e => e.AtUtc));
    }

    [Fact]
    public void On_date_enters_once_on_that_date()
    {
        var plan = Plans.Compile(Campaign("where subscribed entry on birthday at 10:30"));
        var contact = Plans.Subscriber() with { Attributes = DataValues.None.Add("birthday", DataValue.Date(new DateOnly(2026, 1, 20))) };
        Assert.Equal(Utc("2026-01-20T09:30:00Z"), Assert.Single(Plans.Run(plan, contact)).AtUtc);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("reentry after 30d", 2)]
    [InlineData("reentry after 60d", 1)]
    public void Reentry_policy_limits_how_often_a_contact_enters(string reentry, int entries)
    {
        var plan = Plans.Compile(Campaign($"where subscribed entry on purchase {reentry}"));
        var events = new[] { Plans.Event("c1", "purchase", "2026-01-06T10:00:00Z", 10m), Plans.Event("c1", "purchase", "2026-02-20T10:00:00Z", 10m) };
        Assert.Equal(entries, Plans.Run(plan, Plans.Subscriber("c1", "UTC"), events).Count);
    }

    [Fact]
    public void Each_pass_is_numbered_when_the_contact_enters_and_every_row_of_it_carries_the_number()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed entry on purchase reentry after 5d }
              stage one { send email BODY subject "x" }
              stage two after 2d { send email BODY subject "y" }
            }
            """);
        var events = new[] { "2026-01-06T10:00:00Z", "2026-01-13T10:00:00Z", "2026-01-15T10:00:00Z", "2026-01-25T10:00:00Z" }
            .Select(at => Plans.Event("c1", "purchase", at, 10m));

        var rows = Plans.Run(plan, Plans.Subscriber("c1", "UTC"), events);

        Assert.Equal([(1, "one"), (1, "two"), (2, "one"), (2, "two"), (3, "one"), (3, "two")], rows.Select(r => (r.Enrolment ?? 0, r.Stage!)));

        // A shorter stretch of time sees fewer passes, but numbers the ones it sees as the longer one does.
        var shorter = new ContactScheduler([new ScheduledCampaign(plan)], new SimulationPeriod(Plans.Start, Utc("2026-01-14T00:00:00Z")))
            .Run(new ContactHistory(Plans.Subscriber("c1", "UTC"), [.. events]));
        Assert.Equal([1, 1, 2], shorter.OrderBy(r => r.AtUtc).Select(r => r.Enrolment ?? 0));
    }

    [Fact]
    public void A_contact_still_in_the_campaign_does_not_enter_again()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed entry on purchase reentry after 1d }
              stage one { send email BODY subject "x" }
              stage two after 10d { send email BODY subject "y" }
            }
            """);
        var events = new[] { Plans.Event("c1", "purchase", "2026-01-06T10:00:00Z", 10m), Plans.Event("c1", "purchase", "2026-01-08T10:00:00Z", 10m) };
        Assert.Equal(["one", "two"], Plans.Run(plan, Plans.Subscriber("c1", "UTC"), events).Select(e => e.Stage));
    }
}
