using System.Collections.Concurrent;
using CampaignDsl.Runtime.Sending;

namespace CampaignDsl.Runtime.Tests.Running;

/// <summary>A sender that records what it is handed, and fails the recipients a test names.</summary>
internal sealed class RecordingSender : ISender
{
    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();

    public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> FailTransientlyTimes { get; } = new(StringComparer.Ordinal);

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        if (Rejected.Contains(message.To))
        {
            return Task.FromResult<SendOutcome>(new SendOutcome.PermanentFailure($"554 5.1.1 <{message.To}>: recipient rejected"));
        }

        if (FailTransientlyTimes.TryGetValue(message.To, out var times) && times > 0)
        {
            FailTransientlyTimes[message.To] = times - 1;
            return Task.FromResult<SendOutcome>(new SendOutcome.TransientFailure("421 try again later"));
        }

        Sent.Enqueue(message);
        return Task.FromResult<SendOutcome>(new SendOutcome.Delivered($"queued-{Sent.Count}"));
    }
}
