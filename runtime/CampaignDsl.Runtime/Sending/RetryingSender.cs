using System.Globalization;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Wraps a sender with the <see cref="SendPolicy"/>: every attempt waits its turn under the rate limit;
/// a transient failure is tried again after an exponential backoff, or after the receiver's
/// <c>Retry-After</c> when that is longer, until the retry budget is spent; then it is handed back, still
/// transient, saying how many attempts were made and why the last one failed (a run tries it again later). Every attempt carries the
/// same message, so the same idempotency key. Each message is tried on its own: a failing one never
/// holds back the others beyond its own waits.
/// </summary>
public sealed class RetryingSender(ISender inner, SendPolicy policy, ISendClock clock) : ISender, IDisposable
{
    private readonly SendRateLimit _rate = new(policy.RatePerSecond, clock);

    public SendPolicy Policy => policy;

    /// <summary>The sender this one wraps.</summary>
    public ISender Inner => inner;

    /// <summary>Closes the wrapped sender's connection, if it keeps one.</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MessageSafety.Problem(message) is { } problem)
        {
            return new SendOutcome.PermanentFailure(problem);
        }

        for (var attempt = 1; ; attempt++)
        {
            await _rate.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            var outcome = await AttemptAsync(message, cancellationToken).ConfigureAwait(false);
            if (outcome is not SendOutcome.TransientFailure transient)
            {
                return outcome;
            }

            if (attempt >= policy.MaxAttempts)
            {
                // Still transient: a server down for a while must not fail every send for good; the run offers it
                // again in a later pass (with the same key) and records it failed only after its own limit.
                return new SendOutcome.TransientFailure(string.Create(CultureInfo.InvariantCulture,
                    $"gave up for now after {attempt} attempt{(attempt == 1 ? "" : "s")} (max_attempts {policy.MaxAttempts}); the last: {transient.Reason}"), transient.RetryAfter);
            }

            var wait = policy.Backoff(attempt);
            if (transient.RetryAfter is { } retryAfter)
            {
                if (retryAfter > policy.MaxWait)
                {
                    return transient;
                }

                wait = retryAfter > wait ? retryAfter : wait;
            }

            await clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    // A sender that throws anyway (a bug, a driver surprise) costs one attempt, not the run.
    private async Task<SendOutcome> AttemptAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.TransientFailure($"the sender failed unexpectedly: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
