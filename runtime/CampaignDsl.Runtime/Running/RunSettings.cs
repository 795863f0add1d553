using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Running;

/// <summary>
/// One run's settings: its moment (<see cref="Now"/>: the real clock, or <c>--now</c> for a cron-style run
/// that does everything due by then), the worker's name in claims and the audit log, the sender's name as
/// recorded on each send, the links' base, and how long a claim holds before another worker may take it over.
/// </summary>
public sealed record RunSettings(
    DateTimeOffset Now,
    string Worker,
    string Sender,
    MessageLinks Links,
    TimeSpan Lease,
    int MaxAttempts = 8)
{
    public static string DefaultWorker() => $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Whether <paramref name="worker"/> is a default name of this machine (<c>host:pid</c>) whose process no longer runs.</summary>
    public static bool IsGoneLocalWorker(string worker)
    {
        var colon = worker.LastIndexOf(':');
        if (colon <= 0 || worker[..colon] != Environment.MachineName
            || !int.TryParse(worker[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
