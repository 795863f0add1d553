using CampaignDsl.Runtime.Sending;

namespace CampaignDsl.Runtime.Tests.Sending;

/// <summary>A clock that moves on by each delay at once and remembers the delays, so tests never sleep.</summary>
internal sealed class FakeSendClock(DateTimeOffset start) : ISendClock
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public FakeSendClock()
        : this(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public List<TimeSpan> Delays { get; } = [];

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (delay > TimeSpan.Zero)
            {
                Delays.Add(delay);
                _now += delay;
            }
        }

        return Task.CompletedTask;
    }
}
