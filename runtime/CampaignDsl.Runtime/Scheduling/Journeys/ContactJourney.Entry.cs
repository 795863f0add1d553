using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>Entering a campaign and placing its stages.</summary>
internal sealed partial class ContactJourney
{
    private void TryEnter(EntryCheck check)
    {
        var campaign = check.Campaign;
        var audience = campaign.Plan.Audience;
        if (_current.TryGetValue(campaign.Name, out var previous))
        {
            if (!previous.Finished)
            {
                return;
            }

            var reentry = audience.Reentry;
            if (reentry.Policy != PlanReentry.After || reentry.AfterSeconds is not { } after || check.At < previous.EnteredAt.AddSeconds(after))
            {
                return;
            }
        }

        // A hand-off has no entry event, so only the audience's condition applies to it.
        var context = Context(campaign, check.At, current: check.Event);
        if (audience.Where is { } where && !ExpressionEvaluator.Holds(where, context))
        {
            return;
        }

        if (check.HandedOffBy is null && audience.Entry.When is { } when && !ExpressionEvaluator.Holds(when, context))
        {
            return;
        }

        var number = _passes[campaign.Name] = _passes.GetValueOrDefault(campaign.Name) + 1;
        var enrollment = new Enrollment(campaign.Name, check.At, campaign.IsControl(_history.Contact.Id), number);
        _current[campaign.Name] = enrollment;
        if (scheduler.Forecast?.Organic(campaign.Plan, _history.Contact.Id, check.At) is { } organic)
        {
            Observe(campaign, null, null, organic, TimelineReasons.Organic);
        }

        if (campaign.Plan.Stages.IsDefaultOrEmpty)
        {
            Finish(campaign, enrollment, check.At);
            return;
        }

        ScheduleStage(campaign, enrollment, campaign.Plan.Stages[0]);
    }

    private void ScheduleStage(ScheduledCampaign campaign, Enrollment enrollment, PlanStage stage)
    {
        var timing = stage.Timing;
        var anchor = timing.Anchor == PlanTiming.Stage && timing.AnchorStage is { } name && enrollment.StageRanAt(name) is { } ran
            ? ran
            : enrollment.EnteredAt;
        var zone = Zone(campaign);
        var due = StagePlacement.Place(timing, anchor, campaign.Name, stage.Name, _history, zone, campaign.Optimises, scheduler.Seed);
        Enqueue(new StageDue(campaign, due, enrollment, stage));
    }
}
