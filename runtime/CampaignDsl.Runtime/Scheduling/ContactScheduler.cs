using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// Plays one contact through every campaign simulated together, on a virtual clock: a queue of what is due
/// (entry checks, stages), taken in time order, so that frequency caps see every campaign's earlier sends and
/// exits see every event up to their moment. docs/runtime.md ("Scheduling") states each rule.
/// </summary>
public sealed class ContactScheduler
{
    private readonly IReadOnlyList<ScheduledCampaign> _campaigns;
    private readonly Dictionary<string, ScheduledCampaign> _byName;
    private readonly SimulationPeriod _period;
    private readonly HashSet<string> _handoffOnly;
    private readonly IEngagementForecast? _forecast;
    private readonly Dictionary<(ScheduledCampaign, string), PlanIncentive> _incentives = [];

    /// <summary>How many simulated midnights an <c>entry daily</c> campaign is checked at.</summary>
    private readonly int _days;

    /// <param name="forecast">How contacts react to sends (docs/runtime.md, "Engagement forecast"); null: only the data's own events.</param>
    public ContactScheduler(IReadOnlyList<ScheduledCampaign> campaigns, SimulationPeriod period, IEngagementForecast? forecast = null)
    {
        _campaigns = campaigns;
        _forecast = forecast;
        _byName = campaigns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _period = period;

        // A campaign another one hands off to, with no entry of its own, is entered only through the hand-off.
        var targets = campaigns.Select(c => c.Plan.Policies.Handoff?.Campaign).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _handoffOnly = campaigns.Where(c => c.Plan.Audience.Entry.Id is null && targets.Contains(c.Name)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var campaign in campaigns)
        {
            foreach (var incentive in campaign.Plan.Incentives)
            {
                _incentives.TryAdd((campaign, incentive.Name), incentive);
            }
        }

        for (var day = period.Start; day < period.End; day = day.AddDays(1))
        {
            _days++;
        }
    }

    /// <summary>
    /// The contact's timeline over the period. With a forecast, <paramref name="history"/> gains the events the forecast
    /// predicts, so give each run a history of its own. Runs share no state: contacts may be played in parallel.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Run(ContactHistory history)
    {
        var run = new ContactRun(this, history);
        return run.Play();
    }

    private abstract record Work(ScheduledCampaign Campaign, DateTimeOffset At);

    /// <param name="Daily">For <c>entry daily</c>, the queue position reserved for this check; the next day's check is queued when this one is taken.</param>
    private sealed record EntryCheck(ScheduledCampaign Campaign, DateTimeOffset At, ContactEvent? Event, string? HandedOffBy, long? Daily = null) : Work(Campaign, At);

    private sealed record StageDue(ScheduledCampaign Campaign, DateTimeOffset At, Enrollment Enrollment, PlanStage Stage) : Work(Campaign, At);

    /// <summary>One send of a stage, waiting for the moment the window or the cap moved it to; <paramref name="Capped"/>: the cap moved it.</summary>
    private sealed record SendDue(ScheduledCampaign Campaign, DateTimeOffset At, StageSends Group, PlanSend Send, string? Variant, bool Capped) : Work(Campaign, At);

    /// <summary>With a forecast, the end of a campaign waits for the reactions to its last send.</summary>
    private sealed record FinishDue(ScheduledCampaign Campaign, DateTimeOffset At, Enrollment Enrollment) : Work(Campaign, At);

    /// <summary>The state of one contact's run: its queue, its sends so far, its enrollments.</summary>
    private sealed class ContactRun(ContactScheduler scheduler, ContactHistory history)
    {
        private readonly PriorityQueue<Work, (DateTimeOffset, long)> _queue = new();
        private readonly FrequencyLedger _ledger = new();
        private readonly Dictionary<string, Enrollment> _current = new(StringComparer.Ordinal);

        /// <summary>How many times the contact entered each campaign so far.</summary>
        private readonly Dictionary<string, int> _passes = new(StringComparer.Ordinal);
        private readonly List<TimelineEntry> _timeline = [];

        /// <summary>Each campaign's zone for this contact, in the order of the scheduler's campaigns (asked for at every check).</summary>
        private readonly TimeZoneInfo[] _zones = [.. scheduler._campaigns.Select(c => c.ZoneOf(history.Contact))];
        private long _sequence;

        /// <summary>When the forecast had the contact unsubscribe; sends after it are skipped.</summary>
        private DateTimeOffset? _unsubscribedAt;

        /// <summary>
        /// When a campaign's final action (<c>finally suppress</c> or <c>unsubscribe</c>) took the contact off the lists, and
        /// which; later sends of every campaign are skipped, as run's suppression list stops them (docs/runtime.md, "Finishing").
        /// </summary>
        private (DateTimeOffset At, string Campaign)? _suppressed;

        public List<TimelineEntry> Play()
        {
            foreach (var campaign in scheduler._campaigns)
            {
                if (scheduler._handoffOnly.Contains(campaign.Name))
                {
                    continue;
                }

                if (campaign.Plan.Audience.Entry.Mode == EntryModes.Daily)
                {
                    // Only the first midnight is queued; each check queues the next when it is taken, at the position it
                    // would have had had all been queued now, so the order of the run is the same (and most contacts,
                    // who never enter, cost one queue entry instead of one per day).
                    if (scheduler._days > 0)
                    {
                        _queue.Enqueue(new EntryCheck(campaign, scheduler._period.Start, null, null, _sequence), (scheduler._period.Start, _sequence));
                    }

                    _sequence += scheduler._days;
                    continue;
                }

                foreach (var chance in EntryCalendar.Chances(campaign.Plan.Audience.Entry, history, Zone(campaign), scheduler._period.Start, scheduler._period.End))
                {
                    Enqueue(new EntryCheck(campaign, chance.At, chance.Event, null));
                }
            }

            while (_queue.TryDequeue(out var work, out _))
            {
                if (work.At >= scheduler._period.End)
                {
                    break;
                }

                switch (work)
                {
                    case EntryCheck check:
                        if (check.Daily is { } position && check.At.AddDays(1) is var next && next < scheduler._period.End)
                        {
                            _queue.Enqueue(check with { At = next, Daily = position + 1 }, (next, position + 1));
                        }

                        TryEnter(check);
                        break;
                    case StageDue due:
                        RunStage(due);
                        break;
                    case SendDue send:
                        Offer(send, Zone(send.Campaign));
                        break;
                    case FinishDue finish:
                        FinishAfterReactions(finish);
                        break;
                }
            }

            return _timeline;
        }

        private void Enqueue(Work work) => _queue.Enqueue(work, (work.At, _sequence++));

        private EvaluationContext Context(ScheduledCampaign campaign, DateTimeOffset now, Enrollment? enrollment = null, ContactEvent? current = null) =>
            new(history, now, Zone(campaign), campaign.Segments, campaign.Rfm, enrollment, current);

        private TimeZoneInfo Zone(ScheduledCampaign campaign)
        {
            var campaigns = scheduler._campaigns;
            for (var i = 0; i < campaigns.Count; i++)
            {
                if (ReferenceEquals(campaigns[i], campaign))
                {
                    return _zones[i];
                }
            }

            return campaign.ZoneOf(history.Contact);
        }

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
            var enrollment = new Enrollment(campaign.Name, check.At, campaign.IsControl(history.Contact.Id), number);
            _current[campaign.Name] = enrollment;
            if (scheduler._forecast?.Organic(campaign.Plan, history.Contact.Id, check.At) is { } organic)
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
            var due = StagePlacement.Place(timing, anchor, campaign.Name, stage.Name, history, zone, campaign.Optimises, scheduler._period.Seed);
            Enqueue(new StageDue(campaign, due, enrollment, stage));
        }

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
            sends.RemoveAll(s => Sending.Reachability.Standard.Problem(campaign.Plan, stage, s.Send, SubjectChoice.Pick(s.Send, campaign.Name, history.Contact.Id),
                history.Contact, due.At) is { } unreachable && RecordUnreachable(campaign, stage, s.Send, s.Variant, due.At, zone, unreachable));
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
            else if (scheduler._forecast is { } forecast)
            {
                Enqueue(new FinishDue(campaign, ranAt + forecast.ReactionWindow, enrollment));
            }
            else
            {
                Finish(campaign, enrollment, ranAt);
            }
        }

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
            else if (at < scheduler._period.End)
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

            var subject = SubjectChoice.Pick(send, campaign.Name, history.Contact.Id);
            var incentive = send.Incentive is { } name ? scheduler._incentives.GetValueOrDefault((campaign, name)) : null;
            _timeline.Add(new TimelineEntry(
                at, LocalClock.ToLocal(at, zone), zone.Id, history.Contact.Id, campaign.Name, stage.Name, status,
                send.Channel, send.Id, variant, subject?.Id, subject?.Text, incentive?.Name,
                incentive is null ? null : IncentiveCode.For(incentive, campaign.Name, history.Contact.Id),
                send.Template?.Sha256, at != due && status == TimelineStatus.Sent ? due : null, reason, enrollment.EnteredAt, enrollment.Number));
            if (status == TimelineStatus.Sent && scheduler._forecast is { } forecast)
            {
                var position = campaign.Plan.Stages.IndexOf(stage) + 1;
                foreach (var reaction in forecast.Reactions(new ForecastSend(campaign.Plan, stage, position, send, history.Contact.Id, at)))
                {
                    Observe(campaign, stage.Name, send, reaction, TimelineReasons.Forecast);
                }
            }

            Settle(campaign, group, at);
        }

        /// <summary>
        /// Adds a forecast event to the history, where later exits, goals and conditions see it, and records it in the
        /// timeline; an event after the end of the run does not happen in it.
        /// </summary>
        private void Observe(ScheduledCampaign campaign, string? stage, PlanSend? send, ContactEvent reaction, string reason)
        {
            if (reaction.At >= scheduler._period.End)
            {
                return;
            }

            history.Add(reaction);
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
                reaction.At, LocalClock.ToLocal(reaction.At, zone), zone.Id, history.Contact.Id, campaign.Name, stage, status,
                send?.Channel, send?.Id, Reason: reason, EnteredAt: EnteredAt(campaign), Enrolment: EnrolmentOf(campaign)));
        }

        /// <summary>When and why the contact leaves before <paramref name="until"/>: the goal reached or an exit condition holding, at the first event that makes it so.</summary>
        private (DateTimeOffset At, string Reason)? Left(ScheduledCampaign campaign, Enrollment enrollment, DateTimeOffset until)
        {
            var policies = campaign.Plan.Policies;
            var since = enrollment.LastChecked ?? enrollment.EnteredAt;
            enrollment.LastChecked = until;

            // Each moment an event happened in (since, until], oldest first, each once, then until itself (the events are in time order).
            var events = history.Events;
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
                && history.Between(goal.Event, enrollment.EnteredAt, moment).Any())
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
                var simulated = scheduler._byName.TryGetValue(handoff.Campaign, out var target);
                Record(campaign, at, null, TimelineStatus.Handoff,
                    reason: simulated ? $"enrolled in {handoff.Campaign}" : $"to {handoff.Campaign} (not simulated)");
                if (simulated)
                {
                    Enqueue(new EntryCheck(target!, at, null, campaign.Name));
                }
            }
        }

        private static readonly BehaviourTest Engaged = new("runtime.engaged", "engaged", null, null);

        /// <param name="of">The pass the row belongs to, when it is not the contact's current one (a send that waited).</param>
        private void Record(ScheduledCampaign campaign, DateTimeOffset at, string? stage, string status, string? reason, Enrollment? of = null)
        {
            var zone = Zone(campaign);
            _timeline.Add(new TimelineEntry(at, LocalClock.ToLocal(at, zone), zone.Id, history.Contact.Id, campaign.Name, stage, status, Reason: reason, EnteredAt: of?.EnteredAt ?? EnteredAt(campaign), Enrolment: of?.Number ?? EnrolmentOf(campaign)));
        }

        /// <summary>Records a send that cannot reach the contact; always true, so it reads as a filter.</summary>
        private bool RecordUnreachable(ScheduledCampaign campaign, PlanStage stage, PlanSend send, string? variant, DateTimeOffset due, TimeZoneInfo zone, string reason)
        {
            var subject = SubjectChoice.Pick(send, campaign.Name, history.Contact.Id);
            _timeline.Add(new TimelineEntry(
                due, LocalClock.ToLocal(due, zone), zone.Id, history.Contact.Id, campaign.Name, stage.Name, TimelineStatus.Unreachable,
                send.Channel, send.Id, variant, subject?.Id, subject?.Text, Reason: reason, EnteredAt: EnteredAt(campaign), Enrolment: EnrolmentOf(campaign)));
            return true;
        }

        /// <summary>When the contact's current pass through the campaign began: which enrolment a row belongs to.</summary>
        private DateTimeOffset? EnteredAt(ScheduledCampaign campaign) => _current.GetValueOrDefault(campaign.Name)?.EnteredAt;

        /// <summary>The number of the contact's current pass through the campaign.</summary>
        private int? EnrolmentOf(ScheduledCampaign campaign) => _current.GetValueOrDefault(campaign.Name)?.Number;
    }
}
