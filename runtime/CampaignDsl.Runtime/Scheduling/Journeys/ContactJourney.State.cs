using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>Saving a journey between ticks and taking it up again (<see cref="JourneyState"/>).</summary>
internal sealed partial class ContactJourney
{
    /// <summary>Everything the journey decided and everything still due, to take up again with <see cref="Restore"/>.</summary>
    public JourneyState Save()
    {
        var enrolments = new Dictionary<Enrollment, int>(ReferenceEqualityComparer.Instance);
        var groups = new Dictionary<StageSends, int>(ReferenceEqualityComparer.Instance);
        foreach (var enrollment in _current.Values)
        {
            enrolments.TryAdd(enrollment, enrolments.Count);
        }

        var queue = new List<WorkRecord>();
        foreach (var (work, (_, order)) in _queue.UnorderedItems)
        {
            var record = new WorkRecord(KindOf(work), work.Campaign.Name, work.At, order);
            queue.Add(work switch
            {
                EntryCheck check => record with
                {
                    HandedOffBy = check.HandedOffBy, Daily = check.Daily,
                    EventType = check.Event?.Type, EventAt = check.Event?.At, EventOrdinal = check.Event is { } e ? OrdinalOf(e) : null,
                },
                StageDue due => record with { Enrolment = Number(due.Enrollment), Stage = due.Stage.Name },
                SendDue send => record with { OpenStage = GroupId(send.Group), Send = send.Send.Id, Variant = send.Variant, Capped = send.Capped },
                FinishDue finish => record with { Enrolment = Number(finish.Enrollment) },
                _ => throw new InvalidOperationException($"unknown work {work.GetType().Name}"),
            });
        }

        return new JourneyState
        {
            Sequence = _sequence,
            Sent = [.. _ledger.Sent],
            Passes = new Dictionary<string, int>(_passes, StringComparer.Ordinal),
            Enrolments = [.. enrolments.OrderBy(p => p.Value).Select(p => Record(p.Key)), .. _foreign.Enrolments],
            OpenStages = [.. groups.OrderBy(p => p.Value).Select(p => OpenStage(p.Key, p.Value)), .. _foreign.OpenStages.Select(f => f with { Id = Renumbered(f.Id) })],
            Queue = [.. queue.Concat(_foreign.Queue.Select(f => f.OpenStage is { } id ? f with { OpenStage = Renumbered(id) } : f)).OrderBy(w => w.At).ThenBy(w => w.Order)],
            UnsubscribedAt = _unsubscribedAt,
            SuppressedAt = _suppressed?.At,
            SuppressedBy = _suppressed?.Campaign,
        };

        // Stages of campaigns not played now keep their sends, numbered after this journey's own.
        int Renumbered(int foreignId) => groups.Count + _foreign.OpenStages.FindIndex(f => f.Id == foreignId);

        // An open stage is numbered when its first waiting send is saved; its enrolment is kept with it.
        int GroupId(StageSends group)
        {
            if (!groups.TryGetValue(group, out var id))
            {
                Number(group.Enrollment);
                groups[group] = id = groups.Count;
            }

            return id;
        }

        int Number(Enrollment enrollment)
        {
            enrolments.TryAdd(enrollment, enrolments.Count);
            return enrollment.Number;
        }

        EnrolmentRecord Record(Enrollment e) => new(
            e.Campaign, e.Number, e.EnteredAt, e.Control, e.Finished, e.Reached, e.LastChecked,
            new SortedDictionary<string, DateTimeOffset>(e.StageRuns.ToDictionary(), StringComparer.Ordinal), [.. e.Given.Order(StringComparer.Ordinal)],
            _current.TryGetValue(e.Campaign, out var current) && ReferenceEquals(current, e));
    }

    private static StageSendsRecord OpenStage(StageSends group, int id) => new(
        id, group.Enrollment.Campaign, group.Enrollment.Number, group.Stage.Name, group.Due, group.Open, group.Offering, group.RanAt, group.Continued, group.DoneAt);

    private static string KindOf(JourneyWork work) => work switch
    {
        EntryCheck => "entry",
        StageDue => "stage",
        SendDue => "send",
        _ => "finish",
    };

    /// <summary>The event's place among the contact's events of its type at its moment: what finds it again in a history read later.</summary>
    private int OrdinalOf(ContactEvent e)
    {
        var ordinal = 0;
        foreach (var other in _history.Events)
        {
            if (ReferenceEquals(other, e))
            {
                return ordinal;
            }

            if (other.At == e.At && string.Equals(other.Type, e.Type, StringComparison.Ordinal))
            {
                ordinal++;
            }
        }

        return ordinal;
    }

    /// <summary>
    /// The journey <paramref name="state"/> describes, played by <paramref name="scheduler"/>'s campaigns. A new plan version
    /// keeps each contact's place: work for a stage the plan no longer has (the stage due next, or the sends of a stage still
    /// going out) moves on, at the same moment, to the stage <paramref name="successorOf"/> names (the next one that is still
    /// there), or to the campaign's finish when none is; such work is listed in <paramref name="dropped"/>. Work of a campaign
    /// not played now is kept as it is, for when it is played again. A triggering event no longer in <paramref name="history"/>
    /// leaves its entry check without one.
    /// </summary>
    public static ContactJourney Restore(
        ContactScheduler scheduler, JourneyState state, ContactHistory history, List<WorkRecord> dropped, Func<string, string, string?>? successorOf = null)
    {
        var journey = new ContactJourney(scheduler) { _sequence = state.Sequence, _unsubscribedAt = state.UnsubscribedAt };
        journey.Play(history);
        if (state.SuppressedAt is { } suppressedAt)
        {
            journey._suppressed = (suppressedAt, state.SuppressedBy ?? "");
        }

        foreach (var sent in state.Sent)
        {
            journey._ledger.Record(sent);
        }

        foreach (var (campaign, passes) in state.Passes)
        {
            journey._passes[campaign] = passes;
        }

        var enrolments = new Dictionary<(string, int), Enrollment>();
        foreach (var record in state.Enrolments)
        {
            var enrollment = new Enrollment(record.Campaign, record.EnteredAt, record.Control, record.Number)
            {
                Finished = record.Finished, Reached = record.Reached, LastChecked = record.LastChecked,
            };
            foreach (var (stage, at) in record.StageRuns)
            {
                enrollment.MarkRun(stage, at);
            }

            foreach (var offer in record.Given)
            {
                enrollment.Give(offer);
            }

            if (!scheduler.ByName.ContainsKey(record.Campaign))
            {
                journey._foreign.Enrolments.Add(record);
                continue;
            }

            enrolments[(record.Campaign, record.Number)] = enrollment;
            if (record.Current)
            {
                journey._current[record.Campaign] = enrollment;
            }
        }

        var groups = new Dictionary<int, (ScheduledCampaign Campaign, StageSends Group)>();
        var removedGroups = new Dictionary<int, StageSendsRecord>();
        foreach (var record in state.OpenStages)
        {
            if (!scheduler.ByName.TryGetValue(record.Campaign, out var campaign))
            {
                journey._foreign.OpenStages.Add(record);
            }
            else if (campaign.Stages.TryGetValue(record.Stage, out var stage) && enrolments.TryGetValue((record.Campaign, record.Enrolment), out var enrollment))
            {
                groups[record.Id] = (campaign, StageSends.Restore(enrollment, stage, record.Due, record.Open, record.Offering, record.RanAt, record.Continued, record.DoneAt));
            }
            else
            {
                removedGroups[record.Id] = record;
            }
        }

        var movedOn = new HashSet<(string, int)>();
        foreach (var record in state.Queue)
        {
            if (!scheduler.ByName.ContainsKey(record.Campaign))
            {
                journey._foreign.Queue.Add(record);
            }
            else if (journey.Work(record, enrolments, groups) is { } work)
            {
                journey._queue.Enqueue(work, (record.At, record.Order));
            }
            else
            {
                dropped.Add(record);
                var (stage, number) = record switch
                {
                    { Kind: "stage", Stage: { } name, Enrolment: { } n } => (name, n),
                    { Kind: "send", OpenStage: { } id } when removedGroups.TryGetValue(id, out var open) => (open.Stage, open.Enrolment),
                    _ => (null, 0),
                };
                if (stage is not null && enrolments.TryGetValue((record.Campaign, number), out var enrollment) && movedOn.Add((record.Campaign, number)))
                {
                    journey.MoveOn(scheduler.ByName[record.Campaign], enrollment, stage, record.At, successorOf);
                }
                else if (record is { Kind: "send", OpenStage: { } kept } && groups.TryGetValue(kept, out var open))
                {
                    // The stage is still there but no longer has this send: it counts as settled, so the stage goes on.
                    if (open.Group.Settled(record.At))
                    {
                        journey.RunOn(open.Campaign, open.Group.Enrollment, open.Group.Stage, open.Group.DoneAt!.Value);
                    }
                }
            }
        }

        return journey;
    }

    /// <summary>Work for a stage a new plan removed goes on, at its moment, with the next stage still there, or the campaign's finish.</summary>
    private void MoveOn(ScheduledCampaign campaign, Enrollment enrollment, string removed, DateTimeOffset at, Func<string, string, string?>? successorOf)
    {
        if (successorOf?.Invoke(campaign.Name, removed) is { } next && campaign.Stages.TryGetValue(next, out var stage))
        {
            Enqueue(new StageDue(campaign, at, enrollment, stage));
        }
        else
        {
            Enqueue(new FinishDue(campaign, at, enrollment));
        }
    }

    private JourneyWork? Work(WorkRecord record, Dictionary<(string, int), Enrollment> enrolments, Dictionary<int, (ScheduledCampaign Campaign, StageSends Group)> groups)
    {
        if (!scheduler.ByName.TryGetValue(record.Campaign, out var campaign))
        {
            return null;
        }

        Enrollment? enrollment = record.Enrolment is { } number ? enrolments.GetValueOrDefault((record.Campaign, number)) : null;
        switch (record.Kind)
        {
            case "entry":
                return new EntryCheck(campaign, record.At, FindEvent(record), record.HandedOffBy, record.Daily);
            case "stage" when enrollment is not null && record.Stage is { } name && campaign.Stages.TryGetValue(name, out var stage):
                return new StageDue(campaign, record.At, enrollment, stage);
            case "send" when record.OpenStage is { } id && groups.TryGetValue(id, out var open)
                             && StageActions.AllSends(open.Group.Stage.Actions).FirstOrDefault(s => s.Id == record.Send) is { } send:
                return new SendDue(open.Campaign, record.At, open.Group, send, record.Variant, record.Capped);
            case "finish" when enrollment is not null:
                return new FinishDue(campaign, record.At, enrollment);
            default:
                return null;
        }
    }

    private ContactEvent? FindEvent(WorkRecord record) =>
        record.EventType is { } type && record.EventAt is { } at ? FindEvent(type, at, record.EventOrdinal ?? 0) : null;

    /// <summary>The <paramref name="ordinal"/>-th event of <paramref name="type"/> at <paramref name="at"/> in the history; null when the data no longer has it.</summary>
    private ContactEvent? FindEvent(string type, DateTimeOffset at, int ordinal)
    {
        var seen = 0;
        foreach (var e in _history.Events)
        {
            // Compared to the millisecond, as the run state keeps moments.
            if (e.At.ToUnixTimeMilliseconds() == at.ToUnixTimeMilliseconds() && string.Equals(e.Type, type, StringComparison.Ordinal) && seen++ == ordinal)
            {
                return e;
            }
        }

        return null;
    }
}
