using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>
/// One contact's way through every campaign played together: a queue of what is due (entry checks, stages, sends that
/// wait for the window or the cap), taken in time order, so that frequency caps see every campaign's earlier sends and
/// exits see every event up to their moment. <see cref="Advance"/> takes what is due before a moment and stops; the
/// journey keeps its place, so a simulation advances it once to the end of its period and a real run advances it tick by
/// tick, and both make the same decisions (the order of the queue depends only on the moments and the journey's own
/// decisions, never on when it was advanced).
/// </summary>
internal sealed partial class ContactJourney(ContactScheduler scheduler)
{
    /// <summary>Entry chances from outside (the calendar, the data) come before the journey's own work at the same moment.</summary>
    private const long ChanceOrder = long.MinValue;

    private readonly PriorityQueue<JourneyWork, (DateTimeOffset, long)> _queue = new();
    private readonly FrequencyLedger _ledger = new();
    private readonly Dictionary<string, Enrollment> _current = new(StringComparer.Ordinal);

    /// <summary>How many times the contact entered each campaign so far.</summary>
    private readonly Dictionary<string, int> _passes = new(StringComparer.Ordinal);
    private List<TimelineEntry> _timeline = [];

    /// <summary>The history being played, and each campaign's zone for its contact (in the order of the scheduler's campaigns).</summary>
    private ContactHistory _history = null!;
    private TimeZoneInfo[] _zones = [];

    /// <summary>The order of the journey's own work at the same moment: the order it was queued in.</summary>
    private long _sequence;

    /// <summary>When the forecast had the contact unsubscribe; sends after it are skipped.</summary>
    private DateTimeOffset? _unsubscribedAt;

    /// <summary>
    /// When a campaign's final action (<c>finally suppress</c> or <c>unsubscribe</c>) took the contact off the lists, and
    /// which; later sends of every campaign are skipped, as run's suppression list stops them (docs/runtime.md, "Finishing").
    /// </summary>
    private (DateTimeOffset At, string Campaign)? _suppressed;

    /// <summary>What the journey holds of campaigns not played now: kept as saved, and saved again, for when they are played again.</summary>
    private readonly (List<EnrolmentRecord> Enrolments, List<StageSendsRecord> OpenStages, List<WorkRecord> Queue) _foreign = ([], [], []);

    /// <summary>When the earliest work waits, or null when nothing does: when the journey next needs advancing.</summary>
    public DateTimeOffset? NextDue => _queue.TryPeek(out var work, out _) ? work.At : null;

    /// <summary>
    /// Queues the chances the calendar gives in [<paramref name="start"/>, <paramref name="end"/>) for every campaign with
    /// an entry of its own: the start (<c>once</c>), the first day (<c>daily</c>, each check queuing the next), each event
    /// of the entry type, the date or anniversary.
    /// </summary>
    public void AddCalendarChances(ContactHistory history, DateTimeOffset start, DateTimeOffset end)
    {
        Play(history);
        foreach (var campaign in scheduler.Campaigns)
        {
            if (scheduler.HandoffOnly.Contains(campaign.Name))
            {
                continue;
            }

            if (campaign.Plan.Audience.Entry.Mode == EntryModes.Daily)
            {
                // Only the start is queued; each check queues the next midnight's when it is taken (most contacts, who never enter,
                // cost one queue entry instead of one per day).
                if (start < end)
                {
                    AddChance(campaign, new EntryChance(start), 0, daily: true);
                }

                continue;
            }

            var ordinal = 0;
            foreach (var chance in EntryCalendar.Chances(campaign.Plan.Audience.Entry, history, Zone(campaign), start, end))
            {
                AddChance(campaign, chance, ordinal++);
            }
        }
    }

    /// <summary>
    /// Queues one entry chance from outside the journey. Chances at the same moment are taken in the order of the campaigns,
    /// then of <paramref name="ordinal"/> (the chance's place among the campaign's chances at that moment), before any of the
    /// journey's own work at that moment: the same order whether they were all known at the start or learnt tick by tick.
    /// </summary>
    public void AddChance(ScheduledCampaign campaign, EntryChance chance, int ordinal, bool daily = false) =>
        _queue.Enqueue(new EntryCheck(campaign, chance.At, chance.Event, null, daily), (chance.At, ChanceOrder + ((long)scheduler.IndexOf(campaign) << 32) + ordinal));

    /// <summary>
    /// Queues a chance a tick found in the data: at <paramref name="at"/>, the <paramref name="ordinal"/>-th of the campaign's
    /// chances then, given by the event of <paramref name="eventType"/> at that moment when there is one (looked up in
    /// <paramref name="history"/>, so that the entry sees it as the simulation does).
    /// </summary>
    public void AddChance(ContactHistory history, ScheduledCampaign campaign, DateTimeOffset at, int ordinal, string? eventType)
    {
        Play(history);
        AddChance(campaign, new EntryChance(at, eventType is null ? null : FindEvent(eventType, at, ordinal)), ordinal);
    }

    /// <summary>Takes, in time order, everything due before <paramref name="until"/>, seeing the contact and its events in <paramref name="history"/>.</summary>
    public void Advance(ContactHistory history, DateTimeOffset until)
    {
        Play(history);
        while (_queue.TryPeek(out var next, out _) && next.At < until)
        {
            var work = _queue.Dequeue();
            switch (work)
            {
                case EntryCheck check:
                    if (check.Daily && EntryCalendar.NextMidnight(check.At) is var tomorrow && (scheduler.Horizon is not { } horizon || tomorrow < horizon))
                    {
                        AddChance(check.Campaign, new EntryChance(tomorrow), 0, daily: true);
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
    }

    /// <summary>The rows decided since the last call, in the order they were decided.</summary>
    public List<TimelineEntry> TakeRows()
    {
        var rows = _timeline;
        _timeline = [];
        return rows;
    }

    private void Play(ContactHistory history)
    {
        if (ReferenceEquals(history, _history))
        {
            return;
        }

        _history = history;
        _zones = [.. scheduler.Campaigns.Select(c => c.ZoneOf(history.Contact))];
    }

    private void Enqueue(JourneyWork work) => _queue.Enqueue(work, (work.At, _sequence++));

    private EvaluationContext Context(ScheduledCampaign campaign, DateTimeOffset now, Enrollment? enrollment = null, ContactEvent? current = null) =>
        new(_history, now, Zone(campaign), campaign.Segments, campaign.Rfm, enrollment, current);

    private TimeZoneInfo Zone(ScheduledCampaign campaign)
    {
        var index = scheduler.IndexOf(campaign);
        return index >= 0 ? _zones[index] : campaign.ZoneOf(_history.Contact);
    }
}
