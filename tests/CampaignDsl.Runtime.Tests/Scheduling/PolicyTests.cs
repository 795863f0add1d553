using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Holdout, A/B subjects, frequency caps, exits, goals, hand-off and the final action.</summary>
public sealed class PolicyTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Holdout_keeps_a_stable_share_as_a_control_group_that_stays_in_the_timeline()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              policy { holdout 10% }
              stage one { send email BODY subject "x" }
            }
            """);
        var campaign = new ScheduledCampaign(plan);
        var control = Enumerable.Range(0, 10_000).Count(i => campaign.IsControl($"C{i:D7}"));
        Assert.InRange(control / 100.0, 9.0, 11.0);

        var controlId = Enumerable.Range(0, 100).Select(i => $"C{i:D7}").First(campaign.IsControl);
        var row = Assert.Single(Plans.Run(plan, Plans.Subscriber(controlId)));
        Assert.Equal(TimelineStatus.Holdout, row.Status);
        Assert.Contains("control group", row.Reason, StringComparison.Ordinal);
        Assert.True(new ScheduledCampaign(plan).IsControl(controlId));
    }

    [Theory]
    [InlineData(50, 50)]
    [InlineData(70, 30)]
    public void Subject_variants_split_by_weight_within_one_point_on_10k_contacts(int first, int second)
    {
        var plan = Plans.Compile($$"""
            campaign t {
              type reengagement
              audience { where subscribed }
              stage one { send email BODY { subject "A" weight {{first}} subject "B" weight {{second}} } }
            }
            """);
        var send = plan.Stages[0].Actions.Sends[0];
        var a = Enumerable.Range(0, 10_000).Count(i => SubjectChoice.Pick(send, "t", $"C{i:D7}")!.Text == "A");
        Assert.InRange(a / 100.0, first - 1.0, first + 1.0);
        Assert.Equal(SubjectChoice.Pick(send, "t", "C0000042"), SubjectChoice.Pick(send, "t", "C0000042"));
    }

    [Fact]
    public void A_capped_send_is_deferred_to_the_next_allowed_slot_with_the_reason()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              policy { cap 1 per 7d }
              stage one { send email BODY subject "x" }
              stage two after 2d { send email BODY subject "y" }
            }
            """);
        var rows = Plans.Run(plan, Plans.Subscriber("c1", "UTC"));
        Assert.Equal(Plans.Start.AddDays(7), rows[1].AtUtc);
        Assert.Equal(Plans.Start.AddDays(2), rows[1].DeferredFrom);
        Assert.StartsWith(TimelineReasons.CapPrefix, rows[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_count_the_sends_of_every_campaign_simulated_together()
    {
        var plans = Plans.CompileAll("""
            campaign a {
              type reengagement
              audience { where subscribed }
              policy { cap 2 per 7d }
              stage one { send email BODY subject "a1" }
            }
            campaign b {
              type reengagement
              audience { where subscribed }
              policy { cap 2 per 7d }
              stage one after 1d { send email BODY subject "b1" }
              stage two after 1d { send email BODY subject "b2" }
            }
            """);
        var rows = Plans.Run(plans, Plans.Subscriber("c1", "UTC"));
        var b2 = rows.Single(r => r.Subject == "b2");
        Assert.Equal(Plans.Start.AddDays(7), b2.AtUtc);
        Assert.StartsWith(TimelineReasons.CapPrefix, b2.Reason, StringComparison.Ordinal);

        // Alone, campaign b is under its cap.
        Assert.Equal(Plans.Start.AddDays(2), Plans.Run([plans[1]], Plans.Subscriber("c1", "UTC")).Single(r => r.Subject == "b2").AtUtc);
    }

    [Fact]
    public void A_send_capped_past_the_end_is_recorded_as_capped()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              policy { cap 1 per 30d }
              stage one { send email BODY subject "x" }
              stage two after 1d { send email BODY subject "y" }
            }
            """);
        var rows = Plans.Run(plan, Plans.Subscriber("c1", "UTC"), days: 20);
        Assert.Equal([TimelineStatus.Sent, TimelineStatus.Capped], rows.Select(r => r.Status));
    }

    [Fact]
    public void An_exit_condition_ends_the_campaign_at_the_event_that_makes_it_hold()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              policy { exit when count(purchase in 30d) > 0 }
              stage one { send email BODY subject "x" }
              stage two after 10d { send email BODY subject "y" }
            }
            """);
        var rows = Plans.Run(plan, Plans.Subscriber("c1", "UTC"), [Plans.Event("c1", "purchase", "2026-01-08T12:00:00Z", 30m)]);
        Assert.Equal([TimelineStatus.Sent, TimelineStatus.Exit], rows.Select(r => r.Status));
        Assert.Equal(Utc("2026-01-08T12:00:00Z"), rows[1].AtUtc);
    }

    [Fact]
    public void Reaching_the_goal_ends_the_campaign_and_says_so()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              policy { goal purchase within 30d }
              stage one { send email BODY subject "x" }
              stage two after 10d { send email BODY subject "y" }
            }
            """);
        var rows = Plans.Run(plan, Plans.Subscriber("c1", "UTC"), [Plans.Event("c1", "purchase", "2026-01-09T12:00:00Z", 30m)]);
        Assert.Equal(TimelineStatus.Exit, rows[1].Status);
        Assert.Contains("goal", rows[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Responders_are_handed_off_and_non_responders_get_the_final_action()
    {
        var plans = Plans.CompileAll("""
            campaign first {
              type reengagement
              audience { where subscribed }
              policy {
                then enroll second
                finally suppress "sunset"
              }
              stage one { send email BODY subject "x" }
            }
            campaign second {
              type nurture
              audience { where subscribed }
              stage hello after 1d { send email BODY subject "welcome back" }
            }
            """);
        // A contact who never responds is suppressed, not nurtured.
        var rows = Plans.Run(plans, Plans.Subscriber("c1", "UTC"));
        Assert.Equal(["first/sent", "first/final"], rows.Select(r => $"{r.Campaign}/{r.Status}"));
        Assert.Contains("sunset", rows[1].Reason, StringComparison.Ordinal);

        // A contact who opened goes on to the hand-off campaign and gets no final action.
        var engaged = Plans.Run(plans, Plans.Subscriber("c1", "UTC"), [Plans.Event("c1", "email.open", "2026-01-05T00:00:00Z")]);
        Assert.Equal(["first/sent", "first/handoff", "second/sent"], engaged.Select(r => $"{r.Campaign}/{r.Status}"));
        Assert.Equal(Plans.Start.AddDays(1), engaged[2].AtUtc);
    }
}
