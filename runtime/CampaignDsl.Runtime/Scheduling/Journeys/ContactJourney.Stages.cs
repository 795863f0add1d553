using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>Running a stage: its conditions and offers, its sends through the window and the cap, and what follows it.</summary>
internal sealed partial class ContactJourney
{
    private void RunStage(StageDue due)
    {
        var (campaign, enrollment, stage) = (due.Campaign, due.Enrollment, due.Stage);
        var zone = Zone(campaign);
        if (Left(campaign, enrollment, due.At) is { } left)
        {
            Record(campaign, left.At, stage.Name, TimelineStatus.Exit, reason: left.Reason);
            enrollment.Finished = true;
            HandOff(campaign, enrollment, left.At);
            return;
        }

        var context = Context(campaign, due.At, enrollment);
        var sends = new List<(PlanSend Send, string? Variant)>();
        if (StageSkipping.ByConditions(stage, context) is not { } skipped)
        {
            StageActions.Resolve(stage.Actions, context, null, sends);
            skipped = StageSkipping.ByOffers(campaign.Plan, stage, sends.Select(s => s.Send), enrollment, campaign.Incentives);
        }

        if (skipped is not null)
        {
            Record(campaign, due.At, stage.Name, TimelineStatus.Skipped, reason: skipped);
            enrollment.MarkRun(stage.Name, due.At);
            RunOn(campaign, enrollment, stage, due.At);
            return;
        }

        // A send that cannot reach the contact is not booked: no window, no cap, no reaction (docs/runtime.md, "Reachability").
        sends.RemoveAll(s => Sending.Reachability.Standard.Problem(campaign.Plan, stage, s.Send, SubjectChoice.Pick(s.Send, campaign.Name, _history.Contact.Id),
            _history.Contact, due.At) is { } unreachable && RecordUnreachable(campaign, stage, s.Send, s.Variant, due.At, zone, unreachable));
        if (sends.Count == 0)
        {
            enrollment.MarkRun(stage.Name, due.At);
            RunOn(campaign, enrollment, stage, due.At);
            return;
        }

        var group = new StageSends(enrollment, stage, due.At, sends.Count);
        foreach (var (send, variant) in sends)
        {
            Offer(new SendDue(campaign, due.At, group, send, variant, Capped: false), zone);
        }

        group.Offering = false;
        if (group.TryContinue())
        {
            RunOn(campaign, enrollment, stage, group.DoneAt!.Value);
        }
    }

    /// <summary>After a stage is done (at <paramref name="ranAt"/>, when its last send went): the next stage (timed from when the stage ran), or the end of the campaign.</summary>
    private void RunOn(ScheduledCampaign campaign, Enrollment enrollment, PlanStage stage, DateTimeOffset ranAt)
    {
        if (stage.Next is { } next && campaign.Stages.TryGetValue(next, out var nextStage))
        {
            ScheduleStage(campaign, enrollment, nextStage);
        }
        else if (scheduler.Forecast is { } forecast)
        {
            Enqueue(new FinishDue(campaign, ranAt + forecast.ReactionWindow, enrollment));
        }
        else
        {
            Finish(campaign, enrollment, ranAt);
        }
    }

    /// <summary>
    /// A send at the moment it is due, or at a moment the window or the cap moved it to: it goes out now if the window
    /// and the cap allow it now, else it waits in the queue for the next moment they may, and is asked again then
    /// (docs/runtime.md, "Frequency caps"), so every send keeps its cap at the instant it goes out.
    /// </summary>
    private void Offer(SendDue pending, TimeZoneInfo zone)
    {
        var (campaign, group, now) = (pending.Campaign, pending.Group, pending.At);
        if (group.Enrollment.Finished)
        {
            // The pass ended (an exit or the goal) while this send waited: it is not sent.
            return;
        }

        // A send that waited is checked against exits and the goal again when it would go: nothing more is sent
        // once the contact responded (docs/runtime.md, "Exits and goals").
        if (now > group.Due && Left(campaign, group.Enrollment, now) is { } left)
        {
            Record(campaign, left.At, group.Stage.Name, TimelineStatus.Exit, reason: left.Reason, group.Enrollment);
            group.Enrollment.Finished = true;
            HandOff(campaign, group.Enrollment, left.At);
            return;
        }

        var (at, cappedNow) = SendGate.NextAllowed(now, campaign.Window, zone, _ledger, group.Enrollment.Control ? null : campaign.Plan.Policies.Cap);
        var capped = pending.Capped || cappedNow;
        if (at == now)
        {
            Deliver(campaign, group, pending.Send, pending.Variant, capped, now, zone);
        }
        else if (scheduler.Horizon is not { } horizon || at < horizon)
        {
            Enqueue(pending with { At = at, Capped = capped });
        }
        else if (capped && !group.Enrollment.Control)
        {
            // Still waiting when the period ends: the stage stays open, so nothing that follows it (the next stage, the
            // finish, its final action or hand-off) is decided before the send has gone out. A real run decides it later.
            Record(campaign, group.Due, group.Stage.Name, TimelineStatus.Capped,
                reason: $"{CapReason(campaign)}: the next allowed slot is after the simulation ends", group.Enrollment);
        }

        // Else moved past the end by the send window alone: it happens after the run, so not in it, and the stage stays open.
    }

    private static string CapReason(ScheduledCampaign campaign) =>
        $"{TimelineReasons.CapPrefix} {campaign.Plan.Policies.Cap!.Count} per {Durations.Format(campaign.Plan.Policies.Cap.PeriodSeconds)}";

    private void Settle(ScheduledCampaign campaign, StageSends group, DateTimeOffset at)
    {
        if (group.Settled(at))
        {
            RunOn(campaign, group.Enrollment, group.Stage, group.DoneAt!.Value);
        }
    }

    /// <summary>Records one send at <paramref name="at"/>, the moment the window and the cap allow it.</summary>
    private void Deliver(ScheduledCampaign campaign, StageSends group, PlanSend send, string? variant, bool capped, DateTimeOffset at, TimeZoneInfo zone)
    {
        var (enrollment, stage, due) = (group.Enrollment, group.Stage, group.Due);
        string? reason = capped ? CapReason(campaign) : at != due ? "outside the send window or in quiet hours" : null;
        var status = enrollment.Control ? TimelineStatus.Holdout : TimelineStatus.Sent;
        if (!enrollment.Control && _unsubscribedAt is { } gone && gone <= at)
        {
            Record(campaign, at, stage.Name, TimelineStatus.Skipped, reason: TimelineReasons.Unsubscribed, enrollment);
            Settle(campaign, group, at);
            return;
        }

        // A suppression decided strictly before the send stops it, as in run (a sunset decided at the very moment of a
        // send does not stop that send).
        if (!enrollment.Control && _suppressed is { } off && off.At < at)
        {
            Record(campaign, at, stage.Name, TimelineStatus.Skipped, reason: $"{TimelineReasons.SuppressedPrefix} by the final action of {off.Campaign}", enrollment);
            Settle(campaign, group, at);
            return;
        }

        if (status == TimelineStatus.Sent)
        {
            _ledger.Record(at);
            enrollment.Reached = true;
        }

        if (send.Incentive is { } offer)
        {
            enrollment.Give(offer);
        }

        if (enrollment.Control)
        {
            reason = $"control group (holdout {campaign.Plan.Policies.Holdout!.Percent}%)";
        }

        var contact = _history.Contact;
        var subject = SubjectChoice.Pick(send, campaign.Name, contact.Id);
        var incentive = send.Incentive is { } name ? scheduler.Incentives.GetValueOrDefault((campaign.Name, name)) : null;
        _timeline.Add(new TimelineEntry(
            at, LocalClock.ToLocal(at, zone), zone.Id, contact.Id, campaign.Name, stage.Name, status,
            send.Channel, send.Id, variant, subject?.Id, subject?.Text, incentive?.Name,
            incentive is null ? null : IncentiveCode.For(incentive, campaign.Name, contact.Id),
            send.Template?.Sha256, at != due && status == TimelineStatus.Sent ? due : null, reason, enrollment.EnteredAt, enrollment.Number));
        if (status == TimelineStatus.Sent && scheduler.Forecast is { } forecast)
        {
            var position = campaign.Plan.Stages.IndexOf(stage) + 1;
            foreach (var reaction in forecast.Reactions(new ForecastSend(campaign.Plan, stage, position, send, contact.Id, at)))
            {
                Observe(campaign, stage.Name, send, reaction, TimelineReasons.Forecast);
            }
        }

        Settle(campaign, group, at);
    }
}
