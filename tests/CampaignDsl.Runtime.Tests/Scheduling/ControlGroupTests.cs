using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>The holdout is measured, never acted on (docs/runtime.md, "Holdout").</summary>
public sealed class ControlGroupTests
{
    private static readonly IReadOnlyList<Plan.CampaignPlan> Campaigns = Plans.CompileAll("""
        campaign first {
          type reengagement
          audience { where subscribed }
          policy {
            holdout 50%
            goal purchase within 30d
            then enroll second
            finally suppress "dormant"
          }
          stage one { send email BODY subject "x" }
          stage two after 7d { send email BODY subject "y" }
        }
        campaign second {
          type nurture
          audience { where subscribed }
          stage hello after 1d { send email BODY subject "welcome back" }
        }
        """);

    private static readonly ScheduledCampaign First = new(Campaigns[0]);

    private static string Control => Enumerable.Range(0, 100).Select(i => $"C{i:D7}").First(First.IsControl);

    private static string Treated => Enumerable.Range(0, 100).Select(i => $"C{i:D7}").First(id => !First.IsControl(id));

    [Fact]
    public void A_control_contact_who_never_responds_gets_no_final_action()
    {
        var rows = Plans.Run(Campaigns, Plans.Subscriber(Control, "UTC"));
        Assert.Equal(["first/one/holdout", "first/two/holdout", "first//holdout"], rows.Select(r => $"{r.Campaign}/{r.Stage}/{r.Status}"));
        Assert.StartsWith(TimelineReasons.ControlNoResponse, rows[2].Reason, StringComparison.Ordinal);
        Assert.Contains("dormant", rows[2].Reason, StringComparison.Ordinal);

        // The treated contact in the same place gets it.
        Assert.Contains(Plans.Run(Campaigns, Plans.Subscriber(Treated, "UTC")), r => r.Status == TimelineStatus.Final);
    }

    [Fact]
    public void A_control_contact_who_recovers_on_its_own_is_not_handed_off()
    {
        // Reaching the goal (an exit) and responding by the end (finishing) both hand a treated contact off; never a control one.
        foreach (var events in new[]
        {
            new[] { Plans.Event("x", "purchase", "2026-01-08T12:00:00Z", 30m) },
            [Plans.Event("x", "visit", "2026-01-06T12:00:00Z")],
        })
        {
            var control = Plans.Run(Campaigns, Plans.Subscriber(Control, "UTC"), events.Select(e => e with { ContactId = Control }));
            var treated = Plans.Run(Campaigns, Plans.Subscriber(Treated, "UTC"), events.Select(e => e with { ContactId = Treated }));
            var exited = events[0].Type == "purchase";
            Assert.Equal(exited, treated.Any(r => r.Status == TimelineStatus.Handoff));
            Assert.DoesNotContain(control, r => r.Status is TimelineStatus.Handoff or TimelineStatus.Final or TimelineStatus.Sent);
            Assert.DoesNotContain(control, r => r.Campaign == "second");
            var outcome = Assert.Single(control, r => r.Stage is null && r.Status == TimelineStatus.Holdout);
            Assert.StartsWith(exited ? TimelineReasons.ControlResponded : TimelineReasons.ControlNoResponse, outcome.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_summary_counts_what_the_control_group_did()
    {
        var summary = new SimulationSummary(Campaigns);
        var ids = Enumerable.Range(0, 200).Select(i => $"C{i:D7}").ToList();
        foreach (var id in ids)
        {
            // Every third contact buys on day 3 (reaches the goal); the others never respond.
            var events = ids.IndexOf(id) % 3 == 0 ? new[] { Plans.Event(id, "purchase", "2026-01-08T12:00:00Z", 30m) } : Array.Empty<CampaignDsl.Runtime.Data.ContactEvent>();
            summary.AddContact(Plans.Run(Campaigns, Plans.Subscriber(id, "UTC"), events));
        }

        var finished = summary.Stages.Single(t => t.Campaign == "first" && t.Stage is null);
        var control = ids.Where(First.IsControl).ToList();
        Assert.Equal(control.Count(id => ids.IndexOf(id) % 3 == 0), finished.ControlResponded);
        Assert.Equal(control.Count(id => ids.IndexOf(id) % 3 != 0), finished.ControlNoResponse);
        Assert.Equal(ids.Count(id => !First.IsControl(id) && ids.IndexOf(id) % 3 != 0), finished.FinalActions);
        Assert.Equal(ids.Count(id => !First.IsControl(id) && ids.IndexOf(id) % 3 == 0), finished.Handoffs);
        Assert.Equal(0, summary.Entered("second") - ids.Count(id => !First.IsControl(id) && ids.IndexOf(id) % 3 == 0));
    }
}
