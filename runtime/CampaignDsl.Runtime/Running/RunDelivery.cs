using System.Collections.Immutable;
using CampaignDsl.Runtime.Sending;
using CampaignDsl.Runtime.State;

namespace CampaignDsl.Runtime.Running;

/// <summary>What delivery did in one run.</summary>
public sealed record DeliveryResult(int Delivered, int Failed, int Suppressed, int Deferred, int LostClaims);

/// <summary>
/// The second half of a run: claims due sends from the outbox (several workers share them; each send goes to one),
/// checks suppressions just before sending, hands each to the sender with its idempotency key, and records the
/// outcome. A transient failure comes back later with backoff until <see cref="RunSettings.MaxAttempts"/>; a
/// permanent one is recorded and never retried; one failing recipient never holds up the others. A send whose
/// worker died is offered again, with the same key, once its claim's lease has run out.
/// </summary>
public sealed class RunDelivery(RunState state, ISender sender, RunSettings settings, TimeProvider clock)
{
    private const int ClaimSize = 25;

    /// <summary>
    /// Asked to stop (a worker's SIGTERM): delivery no longer waits for sends another worker holds; it ends, and their worker or
    /// the next run delivers them. What this worker claimed it still delivers and records.
    /// </summary>
    public CancellationToken Stopping { get; init; }

    public async Task<DeliveryResult> DeliverAsync(CancellationToken cancellationToken = default)
    {
        int delivered = 0, failed = 0, suppressed = 0, deferred = 0, lost = 0;
        while (true)
        {
            var realNow = clock.GetUtcNow();
            var claimed = await state.ClaimAsync(settings.Worker, settings.Now, realNow, realNow + settings.Lease, ClaimSize, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                // Sends another worker holds: it may be alive (it finishes them) or dead (its lease runs out and we take them).
                if (Stopping.IsCancellationRequested || await state.FirstLeaseEndAsync(cancellationToken).ConfigureAwait(false) is not { } leaseEnd)
                {
                    break;
                }

                var wait = leaseEnd - clock.GetUtcNow() + TimeSpan.FromMilliseconds(50);
                await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var send in claimed)
            {
                var result = await OneAsync(send, cancellationToken).ConfigureAwait(false);
                var recorded = await state.CompleteAsync(send.IdempotencyKey, settings.Worker, result, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (!recorded)
                {
                    // Our lease ran out and another worker took the send over: it records the outcome (with the same key).
                    lost++;
                    continue;
                }

                await state.AuditAsync([Audit(send, result)], settings.Worker, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                switch (result)
                {
                    case SendResult.Delivered:
                        delivered++;
                        break;
                    case SendResult.Failed:
                        failed++;
                        break;
                    case SendResult.Suppressed:
                        suppressed++;
                        break;
                    default:
                        deferred++;
                        break;
                }
            }
        }

        return new DeliveryResult(delivered, failed, suppressed, deferred, lost);
    }

    /// <summary>Waits up to a second, or less, ending early (without an error) when asked to stop.</summary>
    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Stopping);
        try
        {
            await Task.Delay(wait > TimeSpan.Zero ? (wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1)) : TimeSpan.FromMilliseconds(50), clock, either.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Stopping: the loop ends at its next turn.
        }
    }

    private async Task<SendResult> OneAsync(OutboxSend send, CancellationToken cancellationToken)
    {
        var checkAt = settings.Now > clock.GetUtcNow() ? settings.Now : clock.GetUtcNow();
        // Push and webhook messages are addressed by the contact id (Sending/Reachability.cs), which is no phone number.
        var email = send.Channel == Reachability.Email ? send.To : null;
        var phone = send.Channel == Reachability.Sms ? send.To : null;
        if (await state.FindSuppressionAsync(send.ContactId, email, phone, checkAt, send.DueAt, cancellationToken).ConfigureAwait(false) is { } suppression)
        {
            return new SendResult.Suppressed($"{suppression.Reason} ({suppression.Source})");
        }

        var outcome = await sender.SendAsync(Message(send), cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            SendOutcome.Delivered d => new SendResult.Delivered(d.ProviderId),
            SendOutcome.PermanentFailure p => new SendResult.Failed(p.Reason),
            SendOutcome.TransientFailure t when send.Attempts >= settings.MaxAttempts =>
                new SendResult.Failed($"gave up after {send.Attempts} attempts: {t.Reason}"),
            SendOutcome.TransientFailure t => new SendResult.Retry(t.Reason, clock.GetUtcNow() + (t.RetryAfter ?? Backoff(send.Attempts))),
            _ => throw new InvalidOperationException($"unknown send outcome {outcome.GetType().Name}"),
        };
    }

    /// <summary>1 minute, then doubling, at most 6 hours, between runs' attempts (a sender's own quick retries come first).</summary>
    internal static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static OutgoingMessage Message(OutboxSend send) => new(
        send.IdempotencyKey, send.Campaign, send.PlanVersion, send.Stage, send.ContactId, send.Channel, send.From ?? "", send.To ?? "",
        send.Subject, send.BodyHtml, send.BodyText, Marketing: true, send.UnsubscribeUrl, send.IncentiveCode,
        send.Headers.Count == 0 ? null : send.Headers.ToImmutableSortedDictionary(StringComparer.Ordinal));

    private static AuditRecord Audit(OutboxSend send, SendResult result) => new(
        IdempotencyKeys.For(send.Campaign, send.IdempotencyKey, send.Stage, result.GetType().Name, send.ContactId, send.Attempts),
        send.DueAt,
        result switch
        {
            SendResult.Delivered => "sent",
            SendResult.Failed => "send failed",
            SendResult.Suppressed => "suppressed",
            _ => "send deferred",
        },
        result switch
        {
            SendResult.Delivered d => $"{send.Channel} {send.SendId} to {send.To} ({send.Subject}), key {send.IdempotencyKey}{(d.ProviderId is null ? "" : ", id " + d.ProviderId)}",
            SendResult.Failed f => $"{send.SendId}: {f.Reason}",
            SendResult.Suppressed s => $"{send.SendId}: {s.Reason}",
            SendResult.Retry r => $"{send.SendId}: {r.Reason}; again from {Ticks.RunTick.Describe(r.RetryAt)}",
            _ => "",
        },
        send.Campaign,
        send.ContactId,
        send.Stage);
}
