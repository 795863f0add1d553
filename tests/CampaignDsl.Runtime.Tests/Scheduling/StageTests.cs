using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Stage timing, send-time optimisation, conditions and segment variants.</summary>
public sealed class StageTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string Windowed = """
        campaign t {
          type reengagement
          audience { where subscribed }
          stage one { send email BODY subject "x" }
          stage two after 5d..7d { send email BODY subject "y" }
        }
        """;

    [Fact]
    public void A_timing_window_places_each_contact_deterministically_inside_it()
    {
        var plan = Plans.Compile(Windowed);
        var seconds = new HashSet<long>();
        for (var i = 0; i < 50; i++)
        {
            var contact = Plans.Subscriber($"c{i}", "UTC");
            var two = Plans.Run(plan, contact).Single(e => e.Stage == "two").AtUtc;
            Assert.InRange(two, Plans.Start.AddDays(5), Plans.Start.AddDays(7));
            Assert.Equal(two, Plans.Run(plan, contact).Single(e => e.Stage == "two").AtUtc);
            seconds.Add((long)(two - Plans.Start).TotalSeconds);
        }

        // Spread, not bunched: 50 contacts land at (nearly) 50 different moments.
        Assert.True(seconds.Count > 45, $"{seconds.Count} distinct moments");
    }

    [Fact]
    public void The_seed_moves_placement_but_not_the_window()
    {
        var plan = Plans.Compile(Windowed);
        var contact = new ContactHistory(Plans.Subscriber("c1", "UTC"), []);
        var timing = plan.Stages[1].Timing;
        var a = StagePlacement.Place(timing, Plans.Start, "t", "two", contact, TimeZoneInfo.Utc, optimise: false, seed: 1);
        var b = StagePlacement.Place(timing, Plans.Start, "t", "two", contact, TimeZoneInfo.Utc, optimise: false, seed: 2);
        Assert.NotEqual(a, b);
        Assert.InRange(b, Plans.Start.AddDays(5), Plans.Start.AddDays(7));
    }

    [Fact]
    public void Send_time_optimisation_picks_the_most_active_local_hour_inside_the_window()
    {
        var plan = Plans.Compile(Windowed.Replace("audience { where subscribed }", "audience { where subscribed }\n  policy { send_time_optimization on }", StringComparison.Ordinal));

        // Opens at 19:xx Amsterdam time (18:xx UTC in winter), one stray at 07:00.
        var events = new[]
        {
            Plans.Event("c1", "email.open", "2025-12-01T18:10:00Z"), Plans.Event("c1", "email.open", "2025-12-03T18:40:00Z"),
            Plans.Event("c1", "email.click", "2025-12-03T18:41:00Z"), Plans.Event("c1", "email.open", "2025-12-04T06:00:00Z"),
        };
        var two = Plans.Run(plan, Plans.Subscriber(), events).Single(e => e.Stage == "two");
        Assert.Equal(Utc("2026-01-10T18:00:00Z"), two.AtUtc);
        Assert.Equal(19, two.AtLocal.Hour);

        // Active on Sundays: of the window's days at 19:00 (Saturday 10 and Sunday 11 January), the Sunday.
        var sundays = new[]
        {
            Plans.Event("c1", "email.open", "2025-11-30T18:10:00Z"), Plans.Event("c1", "email.open", "2025-12-07T18:40:00Z"),
            Plans.Event("c1", "email.click", "2025-12-14T18:41:00Z"),
        };
        Assert.Equal(Utc("2026-01-11T18:00:00Z"), Plans.Run(plan, Plans.Subscriber(), sundays).Single(e => e.Stage == "two").AtUtc);

        // No history: the hash spread instead.
        Assert.InRange(Plans.Run(plan, Plans.Subscriber()).Single(e => e.Stage == "two").AtUtc, Plans.Start.AddDays(5), Plans.Start.AddDays(7));
    }

    [Fact]
    public void A_stage_anchored_on_an_earlier_stage_counts_from_when_that_one_ran()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              stage one after 2d { send email BODY subject "x" }
              stage two after 1d { send email BODY subject "y" }
              stage three after 10d from one { send email BODY subject "z" }
            }
            """);
        var rows = Plans.Run(plan, Plans.Subscriber("c1", "UTC"));
        Assert.Equal([Plans.Start.AddDays(2), Plans.Start.AddDays(3), Plans.Start.AddDays(12)], rows.Select(r => r.AtUtc));
    }

    [Fact]
    public void When_and_unless_skip_a_stage_and_the_contact_moves_on()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              stage one { when vip send email BODY subject "x" }
              stage two after 1d { unless vip send email BODY subject "y" }
              stage three after 1d { send email BODY subject "z" }
            }
            """);
        var vip = Plans.Subscriber("c1", "UTC") with { Attributes = DataValues.None.Add("vip", DataValue.Boolean(true)) };
        var rows = Plans.Run(plan, vip);
        Assert.Equal([TimelineStatus.Sent, TimelineStatus.Skipped, TimelineStatus.Sent], rows.Select(r => r.Status));
        Assert.Contains("unless", rows[1].Reason, StringComparison.Ordinal);

        var other = Plans.Run(plan, Plans.Subscriber("c2", "UTC"));
        Assert.Equal([TimelineStatus.Skipped, TimelineStatus.Sent, TimelineStatus.Sent], other.Select(r => r.Status));
    }

    [Fact]
    public void A_stage_sends_to_everyone_plus_the_first_matching_variant()
    {
        var plan = Plans.Compile("""
            segment high_value = lifetime_value >= EUR 500
            segment loyal = count(purchase) >= 2
            campaign t {
              type reengagement
              audience { where subscribed }
              stage offer {
                send sms body "Offer inside your inbox. Reply STOP to opt out"
                for high_value { send email BODY subject "VIP" }
                for loyal { send email BODY subject "Loyal" }
                otherwise { send email BODY subject "Standard" }
              }
            }
            """);
        IReadOnlyList<string?> Subjects(Contact contact, params ContactEvent[] events) =>
            [.. Plans.Run(plan, contact, events).Select(r => r.Variant + ":" + (r.Subject ?? r.Channel))];

        var rich = Plans.Subscriber("c1", "UTC") with { Attributes = DataValues.None.Add("lifetime_value", DataValue.Number(900m)) };
        var purchases = new[] { Plans.Event("c1", "purchase", "2025-01-01T00:00:00Z", 1m), Plans.Event("c1", "purchase", "2025-02-01T00:00:00Z", 1m) };
        Assert.Equal([":sms", "high_value:VIP"], Subjects(rich, purchases));
        Assert.Equal([":sms", "loyal:Loyal"], Subjects(Plans.Subscriber("c1", "UTC"), purchases));
        Assert.Equal([":sms", "otherwise:Standard"], Subjects(Plans.Subscriber("c1", "UTC")));
    }
}
