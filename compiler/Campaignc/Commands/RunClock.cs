namespace Campaignc.Commands;

/// <summary>
/// The clock <c>campaignc run</c> reads and the way it waits between the passes of <c>--until</c>. The real one waits
/// on the system clock; a test's skips time (advances its clock by the wait and returns), so that a run through
/// minutes or days is exact and instant, whatever the speed of the machine.
/// </summary>
/// <param name="Time">What "now" is for a pass without <c>--now</c>, and for retries and leases.</param>
/// <param name="Delay">Waits the given span of <paramref name="Time"/>.</param>
public sealed record RunClock(TimeProvider Time, Func<TimeSpan, CancellationToken, Task> Delay)
{
    public static RunClock System { get; } = Waiting(TimeProvider.System);

    /// <summary>A clock that really waits on <paramref name="time"/>'s timers.</summary>
    public static RunClock Waiting(TimeProvider time) => new(time, (wait, cancellationToken) => Task.Delay(wait, time, cancellationToken));
}
