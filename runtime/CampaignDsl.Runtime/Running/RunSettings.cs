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
}
