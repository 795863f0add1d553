using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Stages after a skipped one (docs/runtime.md, "Conditions").</summary>
public sealed class SkippedStageTests
{
    private static readonly IReadOnlyList<Plan.CampaignPlan> Survey = Plans.CompileAll("""
        campaign survey {
          type winback
          incentive back20 { discount 20% code "BACK-{code:6}" expires 7d after send }
          incentive reminder : back20 { coupon_reminder }
          audience { where subscribed }
          stage ask { send email BODY subject "Two questions" }
          stage offer after 2d { when opened(ask) send email BODY subject "20% for you" incentive back20 }
          stage offer_ends after 2d { send email BODY subject "Your offer ends soon" incentive reminder }
          stage last_call after 3d from offer { send email BODY subject "Last call" incentive back20 }
          stage thanks after 2d { send email BODY subject "Thank you" }
        }
        """);

    [Fact]
    public void A_follow_up_of_an_offer_the_contact_never_got_is_skipped_and_the_rest_goes_on()
    {
        var rows = Plans.Run(Survey, Plans.Subscriber("c1", "UTC"));
        Assert.Equal(
            ["ask/sent", "offer/skipped", "offer_ends/skipped", "last_call/skipped", "thanks/sent"],
            rows.Select(r => $"{r.Stage}/{r.Status}"));
        Assert.Contains("offer", rows[2].Reason, StringComparison.Ordinal);

        // Timed from the skipped stages' due moments, as before: ask at entry, offer +2d, offer_ends +4d, last_call +5d, thanks +7d.
        Assert.Equal(Plans.Start.AddDays(7), rows[4].AtUtc);
    }

    [Fact]
    public void A_contact_who_got_the_offer_gets_its_follow_ups()
    {
        var rows = Plans.Run(Survey, Plans.Subscriber("c1", "UTC"), [Plans.Event("c1", "email.open", "2026-01-05T08:00:00Z")]);
        Assert.Equal(
            ["ask/sent", "offer/sent", "offer_ends/sent", "last_call/sent", "thanks/sent"],
            rows.Select(r => $"{r.Stage}/{r.Status}"));
        Assert.Equal(rows[1].IncentiveCode, rows[3].IncentiveCode);
    }

    [Fact]
    public void A_follow_up_of_an_offer_in_another_variant_is_skipped()
    {
        var plans = Plans.CompileAll("""
            campaign t {
              type winback
              incentive back20 { discount 20% code "BACK-{code:6}" expires 14d after send }
              incentive vip40 : back20 { discount 40% }
              segment vips = vip
              audience { where subscribed }
              stage offer {
                for vips { send email BODY subject "40%" incentive vip40 }
                otherwise { send email BODY subject "20%" incentive back20 }
              }
              stage reminder after 2d { send email BODY subject "20% ends soon" incentive back20 }
            }
            """);
        var vip = Plans.Subscriber("c1", "UTC") with { Attributes = CampaignDsl.Runtime.Data.DataValues.None.Add("vip", CampaignDsl.Runtime.Data.DataValue.Boolean(true)) };
        Assert.Equal(["offer/sent", "reminder/skipped"], Plans.Run(plans, vip).Select(r => $"{r.Stage}/{r.Status}"));
        Assert.Equal(["offer/sent", "reminder/sent"], Plans.Run(plans, Plans.Subscriber("c1", "UTC")).Select(r => $"{r.Stage}/{r.Status}"));
    }
}
