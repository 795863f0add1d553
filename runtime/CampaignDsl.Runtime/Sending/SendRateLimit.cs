namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Spaces attempts evenly: at most <c>ratePerSecond</c> a second, one every 1/rate seconds, shared by
/// every caller of one sender. Each caller takes the next free slot, then waits for it on the clock.
/// </summary>
public sealed class SendRateLimit(int ratePerSecond, ISendClock clock)
{
    private readonly TimeSpan _interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Max(1, ratePerSecond));
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Returns when the caller may make its attempt.</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now;
        DateTimeOffset slot;
        lock (_gate)
        {
            now = clock.UtcNow;
            slot = _next > now ? _next : now;
            _next = slot + _interval;
        }

        return clock.DelayAsync(slot - now, cancellationToken);
    }
}
