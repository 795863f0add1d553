using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>Leaving a campaign: exits and the goal, the finish with its final action, the hand-off.</summary>
internal sealed partial class ContactJourney
{
    private static readonly BehaviourTest Engaged = new("runtime.engaged", "engaged", null, null);

    /// <summary>The reactions to the last send are in: the goal or an exit may have come first; else the campaign finishes.</summary>
    private void FinishAfterReactions(FinishDue finish)
    {
        var (campaign, enrollment) = (finish.Campaign, finish.Enrollment);
        if (Left(campaign, enrollment, finish.At) is { } left)
        {
            Record(campaign, left.At, null, TimelineStatus.Exit, reason: left.Reason);
            enrollment.Finished = true;
            HandOff(campaign, enrollment, left.At);
            return;
        }

        Finish(campaign, enrollment, finish.At);
    }

    /// <summary>When and why the contact leaves before <paramref name="until"/>: the goal reached or an exit condition holding, at the first event that makes it so.</summary>
    private (DateTimeOffset At, string Reason)? Left(ScheduledCampaign campaign, Enrollment enrollment, DateTimeOffset until)
    {
        var policies = campaign.Plan.Policies;
        var since = enrollment.LastChecked ?? enrollment.EnteredAt;
        enrollment.LastChecked = until;

        // Each moment an event happened in (since, until], oldest first, each once, then until itself (the events are in time order).
        var events = _history.Events;
        DateTimeOffset? previous = null;
        for (var i = FirstAfter(events, since); i < events.Count && events[i].At <= until; i++)
        {
            var moment = events[i].At;
            if (previous == moment)
            {
                continue;
            }

            previous = moment;
            if (LeftAt(campaign, enrollment, policies, moment) is { } reason)
            {
                return (moment, reason);
            }
        }

        return previous == until ? null : LeftAt(campaign, enrollment, policies, until) is { } last ? (until, last) : null;
    }

    private string? LeftAt(ScheduledCampaign campaign, Enrollment enrollment, PlanPolicies policies, DateTimeOffset moment)
    {
        if (policies.Goal is { } goal && moment <= enrollment.EnteredAt.AddSeconds(goal.WithinSeconds)
            && _history.Between(goal.Event, enrollment.EnteredAt, moment).Any())
        {
            return $"goal reached: {goal.Event}";
        }

        if (policies.Exits.IsDefaultOrEmpty)
        {
            return null;
        }

        var context = Context(campaign, moment, enrollment);
        foreach (var exit in policies.Exits)
        {
            if (ExpressionEvaluator.Holds(exit.When, context))
            {
                return $"exit condition {exit.Id} holds";
            }
        }

        return null;
    }

    /// <summary>The index of the first event after <paramref name="since"/>.</summary>
    private static int FirstAfter(IReadOnlyList<ContactEvent> events, DateTimeOffset since)
    {
        int low = 0, high = events.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (events[mid].At <= since)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    // Responders (goal reached, exit condition held, or engaged by the end) go on to the hand-off
    // campaign; non-responders get the final action. Never both: a suppressed contact is not nurtured.
    private void Finish(ScheduledCampaign campaign, Enrollment enrollment, DateTimeOffset at)
    {
        enrollment.Finished = true;
        var policies = campaign.Plan.Policies;
        var responded = ExpressionEvaluator.Holds(Engaged, Context(campaign, at, enrollment));
        if (enrollment.Control)
        {
            if (ControlGroup.Spares(policies))
            {
                Record(campaign, at, null, TimelineStatus.Holdout, reason: ControlGroup.Outcome(policies, responded));
            }
        }
        else if (responded)
        {
            HandOff(campaign, enrollment, at);
        }
        else if (policies.FinalAction is { } final && enrollment.Reached)
        {
            Record(campaign, at, null, TimelineStatus.Final, reason: $"no response: {ControlGroup.Describe(final)}");
            if (final.Action is "suppress" or "unsubscribe" && (_suppressed is null || at < _suppressed.Value.At))
            {
                _suppressed = (at, campaign.Name);
            }
        }
    }

    /// <summary>A responder goes on to the hand-off campaign; a control-group contact is only measured (docs/runtime.md, "Holdout").</summary>
    private void HandOff(ScheduledCampaign campaign, Enrollment enrollment, DateTimeOffset at)
    {
        if (enrollment.Control)
        {
            if (ControlGroup.Spares(campaign.Plan.Policies))
            {
                Record(campaign, at, null, TimelineStatus.Holdout, reason: ControlGroup.Outcome(campaign.Plan.Policies, responded: true));
            }

            return;
        }

        if (campaign.Plan.Policies.Handoff is { } handoff)
        {
            var played = scheduler.ByName.TryGetValue(handoff.Campaign, out var target);
            Record(campaign, at, null, TimelineStatus.Handoff,
                reason: played ? $"enrolled in {handoff.Campaign}" : $"to {handoff.Campaign} (not simulated)");
            if (played)
            {
                Enqueue(new EntryCheck(target!, at, null, campaign.Name));
            }
        }
    }

    /// <summary>
    /// Adds a forecast event to the history, where later exits, goals and conditions see it, and records it in the
    /// timeline; an event after the end of the period does not happen in it.
    /// </summary>
    private void Observe(ScheduledCampaign campaign, string? stage, PlanSend? send, ContactEvent reaction, string reason)
    {
        if (scheduler.Horizon is { } horizon && reaction.At >= horizon)
        {
            return;
        }

        _history.Add(reaction);
        var status = reaction.Type switch
        {
            "email.open" => TimelineStatus.Opened,
            "email.click" => TimelineStatus.Clicked,
            "email.unsubscribe" => TimelineStatus.Unsubscribed,
            _ => TimelineStatus.Converted,
        };
        if (status == TimelineStatus.Unsubscribed && (_unsubscribedAt is null || reaction.At < _unsubscribedAt))
        {
            _unsubscribedAt = reaction.At;
        }

        var zone = Zone(campaign);
        _timeline.Add(new TimelineEntry(
            reaction.At, LocalClock.ToLocal(reaction.At, zone), zone.Id, _history.Contact.Id, campaign.Name, stage, status,
            send?.Channel, send?.Id, Reason: reason, EnteredAt: EnteredAt(campaign), Enrolment: EnrolmentOf(campaign)));
    }
}
