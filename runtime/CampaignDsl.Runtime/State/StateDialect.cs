using System.Data.Common;

namespace CampaignDsl.Runtime.State;

/// <summary>
/// What differs between the state stores: how a connection opens, the audit log's id column, how a
/// writer takes the store for a migration, and how a worker claims due sends without taking another's.
/// Everything else is the same SQL (<c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>, <c>RETURNING</c>).
/// </summary>
internal abstract class StateDialect
{
    public abstract string Kind { get; }

    public abstract string AutoId { get; }

    public abstract Task<DbConnection> OpenAsync(string location, CancellationToken cancellationToken);

    /// <summary>Runs at the start of a migration's transaction so that workers starting together migrate one at a time.</summary>
    public abstract string MigrationLock { get; }

    /// <summary>Claims up to <c>@limit</c> sends due by <c>@due_by</c>, or whose lease ended before <c>@clock</c>, for <c>@worker</c> until <c>@lease_until</c>, returning their keys.</summary>
    public string ClaimSql => $"""
        UPDATE sends SET status = 'sending', claimed_by = @worker, lease_until = @lease_until, attempts = attempts + 1
        WHERE idempotency_key IN (
            SELECT idempotency_key FROM sends
            WHERE (status = 'pending' AND due_at <= @due_by AND (retry_at IS NULL OR retry_at <= @clock)) OR (status = 'sending' AND lease_until < @clock)
            ORDER BY due_at, idempotency_key
            LIMIT @limit
            {RowLock})
        RETURNING idempotency_key
        """;

    /// <summary>
    /// Claims up to <c>@limit</c> journeys due by <c>@due_by</c> that no live lease holds at <c>@clock</c> and that this tick
    /// (<c>@tick</c>) has not already passed over (their due work belongs to campaigns it does not play), most overdue first, for
    /// <c>@worker</c> until <c>@lease_until</c>, returning their contacts and saved states. The index on <c>next_due</c> serves
    /// it, so each claim costs what it takes (a tick with nothing due reads almost nothing) however many journeys there are.
    /// </summary>
    public string ClaimDueJourneysSql => $"""
        UPDATE journeys SET claimed_by = @worker, lease_until = @lease_until
        WHERE contact_id IN (
            SELECT contact_id FROM journeys
            WHERE next_due <= @due_by AND (claimed_by IS NULL OR claimed_by = @worker OR lease_until < @clock)
              AND (passed_tick IS NULL OR passed_tick <> @tick)
            ORDER BY next_due
            LIMIT @limit
            {RowLock})
        RETURNING contact_id, state
        """;

    /// <summary>
    /// The same for journeys with an entry chance waiting by <c>@due_by</c> whose <c>next_due</c> does not show it (a worker wrote
    /// the journey while another recorded the chance): the safety net, asked when nothing else is due.
    /// </summary>
    public string ClaimChancedJourneysSql => $"""
        UPDATE journeys SET claimed_by = @worker, lease_until = @lease_until
        WHERE contact_id IN (
            SELECT j.contact_id FROM journeys j
            WHERE j.contact_id IN (SELECT contact_id FROM journey_chances WHERE at <= @due_by AND campaign IN (@played))
              AND (j.claimed_by IS NULL OR j.claimed_by = @worker OR j.lease_until < @clock)
              AND (j.passed_tick IS NULL OR j.passed_tick <> @tick)
            LIMIT @limit
            {RowLock})
        RETURNING contact_id, state
        """;

    /// <summary>How the claim's selection locks the rows it picks so that other workers skip them; empty where the statement itself is atomic.</summary>
    protected abstract string RowLock { get; }

    /// <summary>A location for messages: the store, never a password.</summary>
    public abstract string Describe(string location);
}
