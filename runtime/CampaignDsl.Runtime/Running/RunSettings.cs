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
    /// <summary>
    /// <c>host:pid:nonce</c>: the nonce tells apart processes that share a host name and a process id (containers, each its own
    /// PID 1), which would otherwise take each other's claims for their own.
    /// </summary>
    public static string DefaultWorker() =>
        $"{Environment.MachineName}:{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";

    /// <summary>Whether <paramref name="worker"/> is a default name of this machine (<c>host:pid</c> or <c>host:pid:nonce</c>) whose process no longer runs.</summary>
    public static bool IsGoneLocalWorker(string worker)
    {
        var parts = worker.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
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
