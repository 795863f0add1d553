using System.Data.Common;
using System.Text.Json;

namespace CampaignDsl.Runtime.State;

public sealed partial class RunState
{
    private const string SendColumns = """
        idempotency_key, campaign, plan_version, stage, send_id, contact_id, occurrence, channel, due_at, sender,
        sender_address, recipient, subject, body_html, body_text, headers, unsubscribe_url, variant, subject_variant, incentive_code,
        status, attempts, provider_id, last_error
        """;

    /// <summary>
    /// Records planned sends in the outbox, once each: a send already there (the same key, or the same campaign,
    /// stage, send, contact and occurrence under an earlier plan version) is left as it is. Returns how many were new.
    /// </summary>
    public async Task<int> OfferAsync(IReadOnlyList<OutboxSend> sends, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var batch in sends.Chunk(500))
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            added += await OfferAsync(batch, now, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    private async Task<int> OfferAsync(IReadOnlyList<OutboxSend> sends, DateTimeOffset now, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var added = 0;
        // One statement, prepared once and run for each row.
        await using var insert = Command($"""
                INSERT INTO sends ({SendColumns}, planned_at)
                VALUES (@key, @campaign, @version, @stage, @send_id, @contact, @occurrence, @channel, @due, @sender,
                        @from, @to, @subject, @html, @text, @headers, @unsubscribe, @variant, @subject_variant, @code,
                        @status, 0, NULL, @error, @now)
                ON CONFLICT DO NOTHING
                """, transaction);
        foreach (var send in sends)
        {
            insert.Parameters.Clear();
            Add(insert, "key", send.IdempotencyKey);
            Add(insert, "campaign", send.Campaign);
            Add(insert, "version", send.PlanVersion);
            Add(insert, "stage", send.Stage);
            Add(insert, "send_id", send.SendId);
            Add(insert, "contact", send.ContactId);
            Add(insert, "occurrence", send.Occurrence);
            Add(insert, "channel", send.Channel);
            Add(insert, "due", Ms(send.DueAt));
            Add(insert, "sender", send.Sender);
            Add(insert, "from", send.From);
            Add(insert, "to", send.To);
            Add(insert, "subject", send.Subject);
            Add(insert, "html", send.BodyHtml);
            Add(insert, "text", send.BodyText);
            Add(insert, "headers", HeadersJson(send.Headers));
            Add(insert, "unsubscribe", send.UnsubscribeUrl);
            Add(insert, "variant", send.Variant);
            Add(insert, "subject_variant", send.SubjectVariant);
            Add(insert, "code", send.IncentiveCode);
            Add(insert, "now", Ms(now));
            Add(insert, "status", send.Status);
            Add(insert, "error", send.LastError);
            added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> sends for <paramref name="worker"/> until <paramref name="leaseUntil"/>:
    /// pending ones due by <paramref name="dueBy"/> (the run's moment), and ones whose worker's lease ran out before
    /// <paramref name="clock"/> (the real time: that worker died mid-send). No two workers get the same send while a lease holds.
    /// </summary>
    public Task<IReadOnlyList<OutboxSend>> ClaimAsync(string worker, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default) =>
        ClaimAsync(worker, now, now, leaseUntil, limit, cancellationToken);

    /// <inheritdoc cref="ClaimAsync(string, DateTimeOffset, DateTimeOffset, int, CancellationToken)"/>
    public async Task<IReadOnlyList<OutboxSend>> ClaimAsync(string worker, DateTimeOffset dueBy, DateTimeOffset clock, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await using (var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using (var claim = Command(_dialect.ClaimSql, transaction))
            {
                Add(claim, "worker", worker);
                Add(claim, "due_by", Ms(dueBy));
                Add(claim, "clock", Ms(clock));
                Add(claim, "lease_until", Ms(leaseUntil));
                Add(claim, "limit", limit);
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(reader.GetString(0));
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var claimed = new List<OutboxSend>(keys.Count);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            if (await FindSendAsync(key, cancellationToken).ConfigureAwait(false) is { } send)
            {
                claimed.Add(send);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Records what became of a claimed send. Only the worker holding the claim can record it: a worker whose lease
    /// ran out and whose send was claimed again by another records nothing, and false is returned.
    /// </summary>
    public async Task<bool> CompleteAsync(string key, string worker, SendResult result, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (status, nextAttempt, provider, error) = result switch
        {
            SendResult.Delivered d => (SendStatus.Delivered, (long?)null, d.ProviderId, (string?)null),
            SendResult.Retry r => (SendStatus.Pending, Ms(r.RetryAt), null, r.Reason),
            SendResult.Failed f => (SendStatus.Failed, null, null, f.Reason),
            SendResult.Suppressed s => (SendStatus.Suppressed, null, null, s.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(result)),
        };
        await using var update = Command("""
            UPDATE sends SET status = @status, retry_at = @next, provider_id = @provider,
                             last_error = @error, claimed_by = NULL, lease_until = NULL,
                             finished_at = CASE WHEN @status = 'pending' THEN NULL ELSE @now END
            WHERE idempotency_key = @key AND status = 'sending' AND claimed_by = @worker
            """);
        Add(update, "status", status);
        Add(update, "next", nextAttempt);
        Add(update, "provider", provider);
        Add(update, "error", error);
        Add(update, "now", Ms(now));
        Add(update, "key", key);
        Add(update, "worker", worker);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Cancels the campaign's sends of these stages that are still pending (a new plan version removed the stages); returns how many.</summary>
    public async Task<int> CancelPendingAsync(string campaign, IReadOnlyList<string> stages, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cancelled = 0;
        foreach (var stage in stages)
        {
            await using var update = Command("UPDATE sends SET status = 'cancelled', last_error = @reason, finished_at = @now WHERE campaign = @campaign AND stage = @stage AND status = 'pending'");
            Add(update, "reason", reason);
            Add(update, "now", Ms(now));
            Add(update, "campaign", campaign);
            Add(update, "stage", stage);
            cancelled += await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return cancelled;
    }

    public async Task<OutboxSend?> FindSendAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"SELECT {SendColumns} FROM sends WHERE idempotency_key = @key");
        Add(command, "key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadSend(reader) : null;
    }

    /// <summary>Every send in the outbox, by due time then key (for reports and tests; the outbox of a big run is big).</summary>
    public async IAsyncEnumerable<OutboxSend> ReadSendsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command($"SELECT {SendColumns} FROM sends ORDER BY due_at, idempotency_key");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadSend(reader);
        }
    }

    /// <summary>How many sends stand in each status.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountSendsAsync(CancellationToken cancellationToken = default)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var command = Command("SELECT status, count(*) FROM sends GROUP BY status");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>When the first retry of a send that failed for now is due (real time), or null when none waits.</summary>
    public Task<DateTimeOffset?> NextRetryAsync(CancellationToken cancellationToken = default) =>
        MinTimeAsync("SELECT min(retry_at) FROM sends WHERE status = 'pending'", cancellationToken);

    /// <summary>When the first live claim ends (its worker may have died), or null when no send is being sent.</summary>
    public Task<DateTimeOffset?> FirstLeaseEndAsync(CancellationToken cancellationToken = default) =>
        MinTimeAsync("SELECT min(lease_until) FROM sends WHERE status = 'sending'", cancellationToken);

    private Task<DateTimeOffset?> MinTimeAsync(string sql, CancellationToken cancellationToken) => MinTimeAsync(Command(sql), cancellationToken);

    private static async Task<DateTimeOffset?> MinTimeAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var owned = command;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : At(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static OutboxSend ReadSend(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetString(7),
        At(r.GetInt64(8)), r.GetString(9), Text(r, 10), Text(r, 11), Text(r, 12), Text(r, 13), Text(r, 14),
        JsonSerializer.Deserialize(r.GetString(15), StateJson.Default.DictionaryStringString) ?? [],
        Text(r, 16), Text(r, 17), Text(r, 18), Text(r, 19), r.GetString(20), r.GetInt32(21), Text(r, 22), Text(r, 23));
}
