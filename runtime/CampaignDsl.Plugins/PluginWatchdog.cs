using System.Collections.Concurrent;
using System.Diagnostics;

namespace CampaignDsl.Plugins;

/// <summary>
/// The last resort for a call into a plugin that no check can stop because it never returns to script code: blocked in a
/// library (a lock never released, <c>Thread.Sleep(Timeout.Infinite)</c>, a read without a timeout). A thread of its own
/// looks at the calls in progress and, for one still running well past its limit, calls what the command gave
/// (<see cref="PluginLimits.OnBlocked"/>: print the error and end the process, whose run state is then as a kill leaves it).
/// It goes by the real clock: it exists because the call's own checks stopped working.
/// </summary>
internal static class PluginWatchdog
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private static readonly ConcurrentDictionary<WatchedCall, byte> Calls = new();
    private static readonly Lazy<Thread> Watcher = new(Start);

    /// <summary>Watches a call until the result is disposed; <paramref name="blocked"/> runs once if it is still running after <paramref name="patience"/>.</summary>
    public static IDisposable Watch(TimeSpan patience, Action blocked)
    {
        _ = Watcher.Value;
        var watch = new WatchedCall(Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency), blocked);
        Calls[watch] = 0;
        return watch;
    }

    private static Thread Start()
    {
        var thread = new Thread(Look) { IsBackground = true, Name = "campaignc plugin watchdog" };
        thread.Start();
        return thread;
    }

    private static void Look()
    {
        while (true)
        {
            Thread.Sleep(Interval);
            var now = Stopwatch.GetTimestamp();
            foreach (var watch in Calls.Keys)
            {
                if (now >= watch.Deadline)
                {
                    watch.Fire();
                }
            }
        }
    }

    private sealed class WatchedCall(long deadline, Action blocked) : IDisposable
    {
        private int _fired;

        public long Deadline { get; } = deadline;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0)
            {
                Calls.TryRemove(this, out _);
                blocked();
            }
        }

        public void Dispose() => Calls.TryRemove(this, out _);
    }
}
