using System.Globalization;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>
/// A stage runs on (to the next stage, or to the finish with its final action or hand-off) only when every one of its
/// sends has gone out; a send still waiting when the period ends leaves the stage open; a send that waited belongs to
/// the pass it was made for (docs/runtime.md, "Frequency caps"). Otherwise run, which plays up to now, would decide
/// the finish before the send and refuse the send as suppressed while simulate shows it sent.
/// </summary>
public sealed class StageCompletionTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private const string TwoSendsCapped = """
        campaign t {
          type reengagement
          audience { where subscribed }
          policy {
            cap 1 per 1d
            finally suppress "quiet"
          }
          stage closing after 1h {
            send email BODY subject "e"
            send sms body "Shop: hi. Reply STOP to opt out"
          }
        }
        """;

    [Fact]
    public void The_finish_waits_for_every_send_of_the_last_stage()
    {
        var plan = Plans.Compile(TwoSendsCapped);
        var contact = Plans.Subscriber("c1", "UTC") with { Phone = "+31612345678" };

        var rows = Plans.Run(plan, contact, days: 5);

        var sms = rows.Single(r => r.Channel == "sms" && r.Status == TimelineStatus.Sent);
        var final = rows.Single(r => r.Status == TimelineStatus.Final);
        Assert.True(final.AtUtc >= sms.AtUtc, $"the final action at {final.AtUtc} came before the SMS at {sms.AtUtc}");
    }

    [Fact]
    public void A_send_still_waiting_when_the_period_ends_leaves_the_stage_open_and_nothing_is_decided_after_it()
    {
        var plan = Plans.Compile(TwoSendsCapped);
        var contact = Plans.Subscriber("c1", "UTC") with { Phone = "+31612345678" };

        // The period ends after the email went out and before the cap lets the SMS go.
        var rows = new ContactScheduler([new ScheduledCampaign(plan)], new SimulationPeriod(Plans.Start, Plans.Start.AddHours(10)))
            .Run(new ContactHistory(contact, []));

        Assert.Contains(rows, r => r.Channel == "email" && r.Status == TimelineStatus.Sent);
        Assert.Contains(rows, r => r.Status == TimelineStatus.Capped);
        Assert.DoesNotContain(rows, r => r.Status is TimelineStatus.Final or TimelineStatus.Handoff);
    }

    [Fact]
    public void A_send_that_waited_keeps_the_number_of_the_pass_it_was_made_for()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed entry on visit reentry after 1d }
              policy { cap 1 per 7d }
              stage one {
                send email BODY subject "e"
                send sms body "Shop: hi. Reply STOP to opt out"
              }
            }
            """);
        var contact = Plans.Subscriber("c1", "UTC") with { Phone = "+31612345678" };
        var visits = new[] { "2026-01-06T10:00:00Z", "2026-01-20T10:00:00Z" }.Select(at => Plans.Event("c1", "visit", at));

        var rows = Plans.Run(plan, contact, visits, days: 40);

        var sent = rows.Where(r => r.Status == TimelineStatus.Sent).ToList();
        Assert.Equal(4, sent.Count);
        Assert.All(sent, r => Assert.Equal(r.AtUtc < Utc("2026-01-20T10:00:00Z") ? 1 : 2, r.Enrolment));
        Assert.Equal(sent.Count, sent.Select(r => (r.Enrolment, r.SendId)).Distinct().Count());
    }

    [Fact]
    public void A_contact_no_message_reached_gets_no_final_action()
    {
        var plan = Plans.Compile(TwoSendsCapped.Replace("send email BODY subject \"e\"", "", StringComparison.Ordinal));
        var noPhone = Plans.Subscriber("c1", "UTC");
        var withPhone = noPhone with { Phone = "+31612345678" };

        Assert.DoesNotContain(Plans.Run(plan, noPhone, days: 5), r => r.Status == TimelineStatus.Final);
        Assert.Contains(Plans.Run(plan, withPhone, days: 5), r => r.Status == TimelineStatus.Final);
    }

    [Fact]
    public void A_send_that_waited_for_the_cap_is_not_sent_once_the_goal_was_reached_meanwhile()
    {
        // a sends an hour after entry; b's send falls due an hour later and waits three days for b's cap. The contact
        // buys on the first day: b's goal is reached, so its waiting send never goes.
        var plans = Plans.CompileAll("""
            campaign a {
              type reengagement
              audience { where subscribed }
              stage one after 1h { send email BODY subject "a" }
            }
            campaign b {
              type reengagement
              audience { where subscribed }
              policy { cap 1 per 3d goal purchase within 30d }
              stage one after 2h { send email BODY subject "b" }
            }
            """);
        var purchase = Plans.Event("c1", "purchase", "2026-01-06T00:00:00Z", 20m);

        var rows = Plans.Run(plans, Plans.Subscriber("c1", "UTC"), [purchase], days: 10);

        Assert.Contains(rows, r => r.Subject == "a" && r.Status == TimelineStatus.Sent);
        Assert.DoesNotContain(rows, r => r.Subject == "b");
        var exit = Assert.Single(rows, r => r.Campaign == "b" && r.Status == TimelineStatus.Exit);
        Assert.Equal(purchase.At, exit.AtUtc);

        var unbought = Plans.Run(plans, Plans.Subscriber("c1", "UTC"), [], days: 10);
        Assert.Contains(unbought, r => r.Subject == "b" && r.Status == TimelineStatus.Sent);
    }
}
