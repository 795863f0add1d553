using System.Data.Common;
using System.Globalization;

namespace CampaignDsl.Runtime.State;

/// <summary>A moment a contact may enter a campaign, found by a tick and waiting for the contact's journey to take it.</summary>
/// <param name="Ordinal">Its place among the campaign's chances for the contact at that moment (the n-th event of the entry type then).</param>
/// <param name="EventType">The entry event's type, for a chance an event gives.</param>
public sealed record JourneyChance(string ContactId, string Campaign, DateTimeOffset At, int Ordinal, string? EventType);

/// <summary>A journey a worker claimed: its saved state (empty for a contact never played) and the chances waiting for it.</summary>
/// <param name="OthersFirstChance">The first chance waiting for a campaign this run does not play: left for the run that plays it.</param>
public sealed record ClaimedJourney(string ContactId, string State, IReadOnlyList<JourneyChance> Chances, DateTimeOffset? OthersFirstChance = null);

/// <summary>One enrolment as <c>campaignc status</c> counts it: where it stands and when it is next due.</summary>
public sealed record EnrolmentRow(
    string Campaign, string ContactId, int Number, string PlanVersion, DateTimeOffset EnteredAt, bool Control, string? Stage, string Status, DateTimeOffset? NextDue);

/// <summary>A journey advanced by a tick: its new state, when it is next due, the chances it took, its enrolments.</summary>
/// <param name="Passed">Still due after the tick (work of campaigns it does not play): the tick passes it over from now on.</param>
public sealed record JourneyWrite(
    string ContactId, string State, DateTimeOffset? NextDue, IReadOnlyList<JourneyChance> Taken, IReadOnlyList<EnrolmentRow> Enrolments, bool Passed = false);

/// <summary>What a tick decided for a batch of journeys, written in one transaction: the journeys and everything they decided.</summary>
public sealed record TickCommit(
    IReadOnlyList<JourneyWrite> Journeys, IReadOnlyList<OutboxSend> Sends, IReadOnlyList<AuditRecord> Decisions,
    IReadOnlyList<Suppression> Suppressions, IReadOnlyList<ProfileValue> Profiles);

/// <summary>How many rows a commit added, and how many journeys it could not write because their claim had passed to another worker.</summary>
public sealed record TickCommitted(int Sends, int Decisions, int Suppressions, int Lost);

public sealed partial class RunState
{
    /// <summary>The moment a tick cursor stands at (how far entry chances were looked for), or null before the first tick.</summary>
    public async Task<DateTimeOffset?> CursorAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT value FROM tick_cursors WHERE name = @name");
        Add(command, "name", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? At(Convert.ToInt64(value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>
    /// Moves the cursor from <paramref name="expected"/> to <paramref name="to"/> and records the chances found in between, in one
    /// transaction; false, with nothing recorded, when another worker moved the cursor first (it found the same chances).
    /// </summary>
    public async Task<bool> AddChancesAsync(
        string cursor, DateTimeOffset? expected, DateTimeOffset to, IReadOnlyList<JourneyChance> chances, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var move = Command(expected is null
                         ? "INSERT INTO tick_cursors (name, value, updated_at) VALUES (@name, @to, @now) ON CONFLICT (name) DO NOTHING"
                         : "UPDATE tick_cursors SET value = @to, updated_at = @now WHERE name = @name AND value = @expected", transaction))
        {
            Add(move, "name", cursor);
            Add(move, "to", Ms(to));
            Add(move, "now", Ms(now));
            Add(move, "expected", expected is { } e ? Ms(e) : null);
            if (await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await using var insert = Command("""
            INSERT INTO journey_chances (contact_id, campaign, at, ordinal, event_type) VALUES (@contact, @campaign, @at, @ordinal, @type)
            ON CONFLICT DO NOTHING
            """, transaction);
        foreach (var chance in chances)
        {
            insert.Parameters.Clear();
            Add(insert, "contact", chance.ContactId);
            Add(insert, "campaign", chance.Campaign);
            Add(insert, "at", Ms(chance.At));
            Add(insert, "ordinal", chance.Ordinal);
            Add(insert, "type", chance.EventType);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Every contact with a chance has a journey row due by its first chance, so that the claim by due moment finds it.
        await using var row = Command("""
            INSERT INTO journeys (contact_id, state, next_due, updated_at) VALUES (@contact, '', @at, @now)
            ON CONFLICT (contact_id) DO UPDATE SET next_due = CASE
                WHEN journeys.next_due IS NULL OR excluded.next_due < journeys.next_due THEN excluded.next_due ELSE journeys.next_due END
            """, transaction);
        // In contact order, as commits update journeys: two writers on PostgreSQL take the row locks in one order, never crosswise.
        foreach (var first in chances.GroupBy(c => c.ContactId, StringComparer.Ordinal).Select(g => (Contact: g.Key, At: g.Min(c => c.At)))
                     .OrderBy(f => f.Contact, StringComparer.Ordinal))
        {
            row.Parameters.Clear();
            Add(row, "contact", first.Contact);
            Add(row, "at", Ms(first.At));
            Add(row, "now", Ms(now));
            await row.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> journeys for <paramref name="worker"/> until <paramref name="leaseUntil"/>: those due by
    /// <paramref name="dueBy"/> or with an entry chance by then, not held by a worker whose lease still runs at <paramref name="clock"/>.
    /// Each comes with its saved state and its waiting chances. No two workers hold the same journey while a lease runs.
    /// </summary>
    /// <param name="campaigns">The campaigns this run plays: only their chances are taken; others' stay for the run that plays them.</param>
    /// <param name="tick">This tick's name: journeys it wrote as still due (others' work) are not claimed by it again.</param>
    public async Task<IReadOnlyList<ClaimedJourney>> ClaimJourneysAsync(
        string worker, DateTimeOffset dueBy, DateTimeOffset clock, DateTimeOffset leaseUntil, int limit, IReadOnlyCollection<string> campaigns, string tick,
        CancellationToken cancellationToken = default)
    {
        var claimed = new List<(string Contact, string State)>();
        var played = new HashSet<string>(campaigns, StringComparer.Ordinal);
        var inPlayed = string.Join(", ", played.Order(StringComparer.Ordinal).Select((_, i) => "@k" + i.ToString(CultureInfo.InvariantCulture)));
        foreach (var sql in new[] { _dialect.ClaimDueJourneysSql, _dialect.ClaimChancedJourneysSql.Replace("@played", played.Count == 0 ? "NULL" : inPlayed, StringComparison.Ordinal) })
        {
            await using (var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                await using (var claim = Command(sql, transaction))
                {
                    Add(claim, "worker", worker);
                    Add(claim, "due_by", Ms(dueBy));
                    Add(claim, "clock", Ms(clock));
                    Add(claim, "lease_until", Ms(leaseUntil));
                    Add(claim, "limit", limit);
                    Add(claim, "tick", tick);
                    var k = 0;
                    foreach (var campaign in played.Order(StringComparer.Ordinal))
                    {
                        Add(claim, "k" + (k++).ToString(CultureInfo.InvariantCulture), campaign);
                    }

                    await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        claimed.Add((reader.GetString(0), reader.GetString(1)));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (claimed.Count > 0)
            {
                break;
            }
        }

        var chances = new Dictionary<string, List<JourneyChance>>(StringComparer.Ordinal);
        var others = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var batch in claimed.Select(c => c.Contact).Chunk(500))
        {
            await using var read = Command(
                $"SELECT contact_id, campaign, at, ordinal, event_type FROM journey_chances WHERE at <= @due_by AND contact_id IN ({string.Join(", ", batch.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)))})");
            Add(read, "due_by", Ms(dueBy));
            for (var i = 0; i < batch.Length; i++)
            {
                Add(read, "c" + i.ToString(CultureInfo.InvariantCulture), batch[i]);
            }

            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var chance = new JourneyChance(reader.GetString(0), reader.GetString(1), At(reader.GetInt64(2)), reader.GetInt32(3), Text(reader, 4));
                if (!played.Contains(chance.Campaign))
                {
                    others[chance.ContactId] = others.TryGetValue(chance.ContactId, out var first) && first < chance.At ? first : chance.At;
                    continue;
                }

                if (!chances.TryGetValue(chance.ContactId, out var list))
                {
                    chances[chance.ContactId] = list = [];
                }

                list.Add(chance);
            }
        }

        return [.. claimed.OrderBy(c => c.Contact, StringComparer.Ordinal)
            .Select(c => new ClaimedJourney(c.Contact, c.State, chances.TryGetValue(c.Contact, out var list) ? list : [],
                others.TryGetValue(c.Contact, out var first) ? first : null))];
    }

    /// <summary>
    /// Writes a batch of advanced journeys and everything they decided in one transaction: a crash leaves either all of it or
    /// none, and the journeys are then advanced again from where they were, making the same decisions under the same keys.
    /// A journey whose claim passed to another worker (its lease ran out) is not written; what it decided is the same as what
    /// the other worker decides, and the keys keep it once.
    /// </summary>
    public async Task<TickCommitted> CommitAsync(TickCommit commit, string worker, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await CommitAsync(commit, worker, "", now, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="CommitAsync(TickCommit, string, DateTimeOffset, CancellationToken)"/>
    public async Task<TickCommitted> CommitAsync(TickCommit commit, string worker, string tick, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sends = await OfferAsync(commit.Sends, now, transaction, cancellationToken).ConfigureAwait(false);
        var decisions = await AuditAsync(commit.Decisions, worker, now, transaction, cancellationToken).ConfigureAwait(false);
        var suppressions = await SuppressAsync(commit.Suppressions, transaction, cancellationToken).ConfigureAwait(false);
        await SetProfileAsync(commit.Profiles, transaction, cancellationToken).ConfigureAwait(false);
        var lost = 0;
        var enrolments = new List<EnrolmentRow>();
        await using var delete = Command("DELETE FROM journey_chances WHERE contact_id = @contact AND campaign = @campaign AND at = @at AND ordinal = @ordinal", transaction);
        await using var update = Command("""
            UPDATE journeys SET state = @state, next_due = @next, passed_tick = @passed, claimed_by = NULL, lease_until = NULL, updated_at = @now
            WHERE contact_id = @contact AND claimed_by = @worker
            """, transaction);
        foreach (var journey in commit.Journeys)
        {
            update.Parameters.Clear();
            Add(update, "state", journey.State);
            // Rounded up: work due within a millisecond is never claimed before its moment.
            Add(update, "next", journey.NextDue is { } next ? (next.Ticks % TimeSpan.TicksPerMillisecond == 0 ? Ms(next) : Ms(next) + 1) : null);
            Add(update, "now", Ms(now));
            Add(update, "passed", journey.Passed ? tick : null);
            Add(update, "contact", journey.ContactId);
            Add(update, "worker", worker);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                lost++;
                continue;
            }

            foreach (var chance in journey.Taken)
            {
                delete.Parameters.Clear();
                Add(delete, "contact", chance.ContactId);
                Add(delete, "campaign", chance.Campaign);
                Add(delete, "at", Ms(chance.At));
                Add(delete, "ordinal", chance.Ordinal);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            enrolments.AddRange(journey.Enrolments);
        }

        await WriteEnrolmentsAsync(enrolments, now, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new TickCommitted(sends, decisions, suppressions, lost);
    }

    /// <summary>
    /// When the first claim on a journey due by <paramref name="dueBy"/> that another worker holds ends, or null when no worker holds
    /// one: a worker that finds due journeys held waits for them, because their sends reach the outbox only when they are written.
    /// </summary>
    public Task<DateTimeOffset?> FirstJourneyLeaseEndAsync(string worker, DateTimeOffset dueBy, CancellationToken cancellationToken = default)
    {
        var command = Command("""
            SELECT min(lease_until) FROM journeys
            WHERE claimed_by IS NOT NULL AND claimed_by <> @worker AND contact_id IN (
                SELECT contact_id FROM journeys WHERE next_due <= @due_by
                UNION SELECT contact_id FROM journey_chances WHERE at <= @due_by)
            """);
        Add(command, "due_by", Ms(dueBy));
        Add(command, "worker", worker);
        return MinTimeAsync(command, cancellationToken);
    }

    /// <summary>The workers holding journeys now (whatever their leases).</summary>
    public async Task<IReadOnlyList<string>> JourneyHoldersAsync(CancellationToken cancellationToken = default)
    {
        var holders = new List<string>();
        await using var read = Command("SELECT DISTINCT claimed_by FROM journeys WHERE claimed_by IS NOT NULL");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            holders.Add(reader.GetString(0));
        }

        return holders;
    }

    /// <summary>Releases the journeys <paramref name="worker"/> holds (it is known to be gone); returns how many.</summary>
    public async Task<int> ReleaseJourneysAsync(string worker, CancellationToken cancellationToken = default)
    {
        await using var release = Command("UPDATE journeys SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = @worker");
        Add(release, "worker", worker);
        return await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which of these contacts have a journey row: the contacts the run has seen.</summary>
    public async Task<IReadOnlySet<string>> KnownJourneysAsync(IReadOnlyList<string> contacts, CancellationToken cancellationToken = default)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in contacts.Chunk(500))
        {
            await using var read = Command(
                $"SELECT contact_id FROM journeys WHERE contact_id IN ({string.Join(", ", batch.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)))})");
            for (var i = 0; i < batch.Length; i++)
            {
                Add(read, "c" + i.ToString(CultureInfo.InvariantCulture), batch[i]);
            }

            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                known.Add(reader.GetString(0));
            }
        }

        return known;
    }

    /// <summary>The saved state of one contact's journey, or null when the run has never played it.</summary>
    public async Task<string?> JourneyOfAsync(string contactId, CancellationToken cancellationToken = default)
    {
        await using var read = Command("SELECT state FROM journeys WHERE contact_id = @contact");
        Add(read, "contact", contactId);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private async Task WriteEnrolmentsAsync(IReadOnlyList<EnrolmentRow> enrolments, DateTimeOffset now, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var upsert = Command("""
            INSERT INTO enrolments (campaign, contact_id, number, plan_version, entered_at, control, stage, status, next_due, updated_at)
            VALUES (@campaign, @contact, @number, @version, @entered, @control, @stage, @status, @next, @now)
            ON CONFLICT (campaign, contact_id, number) DO UPDATE SET
                plan_version = excluded.plan_version, stage = excluded.stage, status = excluded.status, next_due = excluded.next_due, updated_at = excluded.updated_at
            """, transaction);
        foreach (var row in enrolments)
        {
            upsert.Parameters.Clear();
            Add(upsert, "campaign", row.Campaign);
            Add(upsert, "contact", row.ContactId);
            Add(upsert, "number", row.Number);
            Add(upsert, "version", row.PlanVersion);
            Add(upsert, "entered", Ms(row.EnteredAt));
            Add(upsert, "control", row.Control ? 1 : 0);
            Add(upsert, "stage", row.Stage);
            Add(upsert, "status", row.Status);
            Add(upsert, "next", row.NextDue is { } next ? Ms(next) : null);
            Add(upsert, "now", Ms(now));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
