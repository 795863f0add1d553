using System.Globalization;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Scheduling.Journeys;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.State;

namespace CampaignDsl.Runtime.Running.Ticks;

/// <summary>
/// The first half of a run, one tick at <see cref="RunSettings.Now"/>: finds the entry chances since the last tick (once, by
/// whichever worker moves the campaign's cursor), takes in the data's unsubscribes, bounces and complaints, then claims the
/// journeys due by now (or with a chance waiting), advances each on the simulator's rules from where it stood, and writes its
/// new state with everything it decided (the outbox's sends, the audit log, suppressions) in one transaction. Only what is
/// due is read: a contact with nothing due costs nothing, and the past is never played again.
/// </summary>
public sealed class RunTick(RunState state, IReadOnlyList<RunCampaign> campaigns, RunSettings settings, TimeProvider? clock = null)
{
    /// <summary>Journeys claimed at a time; each batch is one transaction.</summary>
    private const int Batch = 500;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Asked to stop (a worker's SIGTERM): the tick no longer waits for journeys another worker holds; it ends after the batch in
    /// hand, and their worker or the next tick advances them.
    /// </summary>
    public CancellationToken Stopping { get; init; }

    public async Task<PlanningResult> RunAsync(IContactSource source, IReadOnlyDictionary<string, RunningCampaign> running, CancellationToken cancellationToken = default)
    {
        // The state keeps milliseconds; so does the tick, or the next one would see this one's last moment again.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(settings.Now.ToUnixTimeMilliseconds());
        var (scheduled, population) = Schedule(running);
        var scheduler = new ContactScheduler(scheduled, 0, forecast: null, horizon: null);
        var byName = scheduled.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var successors = await SuccessorsAsync(cancellationToken).ConfigureAwait(false);
        await ReleaseDeadWorkersAsync(cancellationToken).ConfigureAwait(false);
        await FindChancesAsync(source, scheduler, running, now, cancellationToken).ConfigureAwait(false);
        var suppressions = await TakeInSuppressionsAsync(source, cancellationToken).ConfigureAwait(false);

        // This tick's name: journeys still due after it (work of campaigns it does not play) are passed over by it, not by others.
        var tick = $"{settings.Worker}@{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        var records = new TickRecords(campaigns, running, settings);
        long contacts = 0;
        int added = 0, decided = 0;
        Dictionary<string, ContactHistory>? everyone = null;
        while (true)
        {
            var realNow = _clock.GetUtcNow();
            var claimed = await state.ClaimJourneysAsync(settings.Worker, now, realNow, realNow + settings.Lease, Batch, byName.Keys, tick, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                // Journeys another worker holds: it may be alive (it writes them, and their sends, soon) or dead (its lease
                // runs out and we take them). Either way their sends are not in the outbox yet, so delivery would miss them.
                if (Stopping.IsCancellationRequested
                    || await state.FirstJourneyLeaseEndAsync(settings.Worker, now, cancellationToken).ConfigureAwait(false) is not { } leaseEnd)
                {
                    break;
                }

                var wait = leaseEnd - _clock.GetUtcNow() + TimeSpan.FromMilliseconds(50);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Stopping);
                try
                {
                    await Task.Delay(wait > TimeSpan.Zero ? (wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1)) : TimeSpan.FromMilliseconds(50), _clock, either.Token)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (Stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Stopping: the loop ends at its next turn.
                }

                continue;
            }

            if (population is { Measured: false })
            {
                // Measured only when a journey is to be advanced: a tick with nothing due reads no history.
                await population.MeasureAsync(source, cancellationToken).ConfigureAwait(false);
            }

            everyone ??= ReadsById(source) ? null : await ReadAllAsync(source, cancellationToken).ConfigureAwait(false);
            var histories = await HistoriesAsync(source, claimed.Select(c => c.ContactId), everyone, cancellationToken).ConfigureAwait(false);
            var writes = new List<JourneyWrite>(claimed.Count);
            foreach (var journey in claimed)
            {
                contacts++;
                writes.Add(Advance(journey, histories.GetValueOrDefault(journey.ContactId), scheduler, byName, records, running, now, successors));
            }

            var committed = await state.CommitAsync(new TickCommit(writes, records.Sends, records.Decisions, records.Suppressions, records.Profiles), settings.Worker,
                tick, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            added += committed.Sends;
            decided += committed.Decisions;
            suppressions += committed.Suppressions;
            records.Clear();
        }

        return new PlanningResult(contacts, records.Due, added, records.RenderFailures, suppressions, decided, records.Unreachable);
    }

    private static JourneyWrite Advance(
        ClaimedJourney claimed, ContactHistory? history, ContactScheduler scheduler, Dictionary<string, ScheduledCampaign> byName, TickRecords records,
        IReadOnlyDictionary<string, RunningCampaign> running, DateTimeOffset now, Func<string, string, string?> successors)
    {
        JourneyState? saved;
        try
        {
            saved = claimed.State.Length == 0 ? null : JourneyState.FromJson(claimed.State);
        }
        catch (JourneyStateException e)
        {
            // A state this campaignc cannot read (written by a newer one, or damaged) is left as it is, never overwritten.
            return Paused(claimed, records, now, null, e.Message);
        }

        if (history is null)
        {
            // The data no longer has the contact: its journey waits where it stands, and nothing is sent to it. Its chances
            // are taken (they cannot be played without the contact); it is due again at its next moment still ahead, or
            // when a later tick gives it a chance.
            return Paused(claimed, records, now, saved?.Queue.Where(w => w.At > now).Select(w => (DateTimeOffset?)w.At).Min(),
                "the contact is no longer in the data; its journey waits");
        }

        var dropped = new List<WorkRecord>();
        var journey = saved is null
            ? new ContactJourney(scheduler)
            : ContactJourney.Restore(scheduler, saved, history, dropped, successors);
        foreach (var moved in dropped.Where(d => d.Kind is "stage" or "send").DistinctBy(d => (d.Campaign, d.Stage, d.OpenStage)))
        {
            records.Decisions.Add(new AuditRecord(
                IdempotencyKeys.For(moved.Campaign, "moved on", moved.Stage ?? moved.Send ?? "", Describe(moved.At), claimed.ContactId, moved.Enrolment ?? 0), now, "plan changed",
                moved.Kind == "stage"
                    ? $"stage {moved.Stage}, due {Describe(moved.At)}, is not in plan version {running[moved.Campaign].PlanVersion}: the contact goes on with the stage after it"
                    : $"send {moved.Send}, waiting since {Describe(moved.At)}, belongs to a stage plan version {running[moved.Campaign].PlanVersion} removed: cancelled, the contact goes on",
                moved.Campaign, claimed.ContactId, moved.Stage));
        }

        foreach (var chance in claimed.Chances.OrderBy(c => c.At).ThenBy(c => c.Campaign, StringComparer.Ordinal).ThenBy(c => c.Ordinal))
        {
            if (byName.TryGetValue(chance.Campaign, out var campaign))
            {
                journey.AddChance(history, campaign, chance.At, chance.Ordinal, chance.EventType);
            }
        }

        journey.Advance(history, now.AddTicks(1));
        var clicks = scheduler.Campaigns.SelectMany(c => ClickProfile.Updates(c, history, now)).OrderBy(u => u.At).ToList();
        records.Add(history, journey.TakeRows(), clicks);
        var known = saved?.Enrolments.Select(e => (e.Campaign, e.Number)).ToHashSet() ?? [];
        saved = journey.Save();
        foreach (var entered in saved.Enrolments.Where(e => !known.Contains((e.Campaign, e.Number))))
        {
            // Every enrolment is logged when it is made, also one whose first stage is days away.
            records.Entered(entered.Campaign, claimed.ContactId, entered.Number, entered.EnteredAt);
        }

        // The journey is next due at its own next moment, or when work or a chance of a campaign this run does not play is due: the
        // run that plays it finds it due then. Already due, this tick passes it over (it does not claim it again).
        var own = saved.Queue.Where(w => byName.ContainsKey(w.Campaign)).Select(w => (DateTimeOffset?)w.At).Min();
        var others = saved.Queue.Where(w => !byName.ContainsKey(w.Campaign)).Select(w => (DateTimeOffset?)w.At).Append(claimed.OthersFirstChance).Min();
        var next = Earliest(own, others);
        return new JourneyWrite(claimed.ContactId, saved.ToJson(), next, claimed.Chances, Enrolments(claimed.ContactId, saved, running), Passed: next <= now);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>A journey that cannot be advanced now: kept as saved, with why in the audit log.</summary>
    private static JourneyWrite Paused(ClaimedJourney claimed, TickRecords records, DateTimeOffset now, DateTimeOffset? next, string why)
    {
        records.Decisions.Add(new AuditRecord(
            IdempotencyKeys.For("", "journey", "paused", Describe(now), claimed.ContactId, 0), now, "paused", why, null, claimed.ContactId));
        return new JourneyWrite(claimed.ContactId, claimed.State, next, claimed.Chances, []);
    }

    /// <summary>Each enrolment of the journey as <c>campaignc status</c> counts it.</summary>
    private static List<EnrolmentRow> Enrolments(string contact, JourneyState saved, IReadOnlyDictionary<string, RunningCampaign> running)
    {
        var rows = new List<EnrolmentRow>();
        foreach (var e in saved.Enrolments.Where(e => running.ContainsKey(e.Campaign)))
        {
            var groups = saved.OpenStages.Where(g => g.Campaign == e.Campaign && g.Enrolment == e.Number).Select(g => g.Id).ToHashSet();
            var due = saved.Queue
                .Where(w => w.Campaign == e.Campaign && (w.Enrolment == e.Number || (w.OpenStage is { } id && groups.Contains(id))))
                .Select(w => (DateTimeOffset?)w.At).Min();
            var stage = e.StageRuns.Count == 0 ? null : e.StageRuns.MaxBy(r => r.Value).Key;
            rows.Add(new EnrolmentRow(e.Campaign, contact, e.Number, running.TryGetValue(e.Campaign, out var r) ? r.PlanVersion : "", e.EnteredAt, e.Control, stage,
                e.Finished ? "finished" : "active", e.Finished ? null : due));
        }

        return rows;
    }

    /// <summary>The campaigns as the journeys play them, and the RFM population those that rank contacts share (measured at the earliest start of theirs).</summary>
    private (List<ScheduledCampaign> Campaigns, LazyRfm? Population) Schedule(IReadOnlyDictionary<string, RunningCampaign> running)
    {
        var ranked = campaigns.Where(c => ExpressionFeatures.UsesRfm(c.Plan)).ToList();
        var population = ranked.Count == 0 ? null : new LazyRfm(new RfmPopulation(ranked.Min(c => running[c.Name].StartedAt)));
        return ([.. campaigns.Select(c => new ScheduledCampaign(c.Plan, ExpressionFeatures.UsesRfm(c.Plan) ? population!.Population : null))], population);
    }

    /// <summary>An RFM population filled on first need, in one pass over the data.</summary>
    private sealed class LazyRfm(RfmPopulation population)
    {
        public RfmPopulation Population => population;

        public bool Measured { get; private set; }

        public async Task MeasureAsync(IContactSource source, CancellationToken cancellationToken)
        {
            await foreach (var history in ContactHistories.ReadAsync(source, cancellationToken).ConfigureAwait(false))
            {
                population.Add(RfmMeasures.Of(history, population.MeasuredAt));
            }

            Measured = true;
        }
    }

    /// <summary>
    /// For a stage a new plan version removed, the stage that comes next: the first stage after it, in any version the state ran,
    /// that the plan being run still has (docs/runtime.md, "Editing a running campaign").
    /// </summary>
    private async Task<Func<string, string, string?>> SuccessorsAsync(CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var campaign in campaigns)
        {
            versions[campaign.Name] = await state.StagesOfEveryVersionAsync(campaign.Name, cancellationToken).ConfigureAwait(false);
        }

        var current = campaigns.ToDictionary(c => c.Name, c => c.Plan.Stages.Select(s => s.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return (campaign, removed) => versions.GetValueOrDefault(campaign)?
            .Select(stages => stages.SkipWhile(s => s != removed).Skip(1).FirstOrDefault(s => current[campaign].Contains(s)))
            .FirstOrDefault(s => s is not null);
    }

    /// <summary>
    /// Journeys held by a worker of this machine whose process is gone (a default worker name is <c>host:pid:nonce</c>) are released
    /// at once: a run killed mid-tick does not hold up the next one for a lease. Another machine's workers, or a process that may
    /// still be alive, keep their claims until their leases end.
    /// </summary>
    private async Task ReleaseDeadWorkersAsync(CancellationToken cancellationToken)
    {
        foreach (var holder in await state.JourneyHoldersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (holder != settings.Worker && RunSettings.IsGoneLocalWorker(holder))
            {
                await state.ReleaseJourneysAsync(holder, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Each campaign's entry chances since its cursor, recorded with the cursor moved to now in one transaction; a worker that
    /// finds the cursor moved by another leaves the chances to it.
    /// </summary>
    private async Task FindChancesAsync(
        IContactSource source, ContactScheduler scheduler, IReadOnlyDictionary<string, RunningCampaign> running, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var discovery = new EntryDiscovery(source, scheduler);
        var cursors = new List<(ScheduledCampaign Campaign, string Name, DateTimeOffset? Since)>();
        foreach (var campaign in scheduler.Campaigns.Where(discovery.Enters))
        {
            var name = "entries:" + campaign.Name;
            cursors.Add((campaign, name, await state.CursorAsync(name, cancellationToken).ConfigureAwait(false)));
        }

        // The contacts not seen before this tick, taken before any campaign's chances give them a journey.
        IReadOnlySet<string> unknown = new HashSet<string>();
        if (cursors.Any(c => c.Since is { } since && since < now && c.Campaign.Plan.Audience.Entry.Mode == Plan.EntryModes.Once))
        {
            var ids = await discovery.IdsAsync(cancellationToken).ConfigureAwait(false);
            var known = await state.KnownJourneysAsync(ids, cancellationToken).ConfigureAwait(false);
            unknown = ids.Where(id => !known.Contains(id)).ToHashSet(StringComparer.Ordinal);
        }

        foreach (var (campaign, cursor, since) in cursors)
        {
            if (since >= now)
            {
                continue;
            }

            var chances = await discovery.FindAsync(campaign, running[campaign.Name].StartedAt, since, now, unknown, cancellationToken).ConfigureAwait(false);
            await state.AddChancesAsync(cursor, since, now, chances, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every unsubscribe, bounce and complaint in the data becomes a suppression (once: a suppression already there stays as it
    /// was), whenever it arrived: these are never left behind, not even when they come late.
    /// </summary>
    private async Task<int> TakeInSuppressionsAsync(IContactSource source, CancellationToken cancellationToken)
    {
        // A store says when its data last changed: the events are looked at again only after an import. Other sources, every tick.
        long? version = source switch
        {
            SqliteContactSource { IsWhole: true } sqlite => await sqlite.Store.LastImportAsync(cancellationToken).ConfigureAwait(false),
            Data.Postgres.PostgresContactSource postgres => await postgres.Store.LastImportAsync(cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        var swept = await state.CursorAsync(SuppressionCursor, cancellationToken).ConfigureAwait(false);
        if (version is { } v && swept is { } last && last.ToUnixTimeMilliseconds() == v)
        {
            return 0;
        }

        var found = new List<Suppression>();
        var query = EventQuery.All with { Types = [.. TickRecords.SuppressingEvents.Keys.Order(StringComparer.Ordinal)], Order = EventOrder.AsStored };
        await foreach (var e in source.ReadEventsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (TickRecords.SuppressionOf(e) is { } suppression)
            {
                found.Add(suppression);
            }
        }

        var added = await state.SuppressAsync(found, cancellationToken).ConfigureAwait(false);
        if (version is { } seen)
        {
            // The cursor holds the import's number (as a moment's milliseconds, as every cursor does); a worker that moved it first swept the same.
            await state.AddChancesAsync(SuppressionCursor, swept, DateTimeOffset.FromUnixTimeMilliseconds(seen), [], _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>The cursor of the data's suppressing events: the store's last import they were taken in from.</summary>
    private const string SuppressionCursor = "suppressions:import";

    /// <summary>
    /// The histories of these contacts: from a store, only theirs, asked of it by id; from any other source (CSV files, memory,
    /// a plugin's), everyone's, read once per tick (<paramref name="everyone"/>) however many batches ask.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, ContactHistory>> HistoriesAsync(
        IContactSource source, IEnumerable<string> ids, Dictionary<string, ContactHistory>? everyone, CancellationToken cancellationToken)
    {
        var wanted = ids.Order(StringComparer.Ordinal).ToList();
        switch (source)
        {
            case SqliteContactSource { IsWhole: true } sqlite:
                await using (var only = await sqlite.OnlyAsync(wanted, cancellationToken).ConfigureAwait(false))
                {
                    return await ReadAllAsync(only, cancellationToken).ConfigureAwait(false);
                }

            case Data.Postgres.PostgresContactSource { IsWhole: true } postgres:
                return await ReadAllAsync(postgres.Only(wanted), cancellationToken).ConfigureAwait(false);
            default:
                return everyone!;
        }
    }

    private static async Task<Dictionary<string, ContactHistory>> ReadAllAsync(IContactSource source, CancellationToken cancellationToken)
    {
        var histories = new Dictionary<string, ContactHistory>(StringComparer.Ordinal);
        await foreach (var history in ContactHistories.ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            histories[history.Contact.Id] = history;
        }

        return histories;
    }

    /// <summary>Whether histories are read by id (a store) rather than all at once.</summary>
    private static bool ReadsById(IContactSource source) =>
        source is SqliteContactSource { IsWhole: true } or Data.Postgres.PostgresContactSource { IsWhole: true };

    internal static string Describe(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
