namespace CampaignDsl.Runtime.Sending;

/// <summary>The time and the waiting of the send pipeline; tests give one that moves on without sleeping.</summary>
public interface ISendClock
{
    DateTimeOffset UtcNow { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>The machine's clock and real waiting.</summary>
public sealed class SystemSendClock : ISendClock
{
    public static SystemSendClock Instance { get; } = new();

    public DateTimeOffset UtcNow => TimeProvider.System.GetUtcNow();

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
}
