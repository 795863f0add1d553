namespace CampaignDsl.Runtime.Sending;

/// <summary>What became of one send: delivered, worth another attempt, or failed for good.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>The receiving side took the message; <paramref name="ProviderId"/> is its id for it (a queue id, a file name, a response id).</summary>
    public sealed record Delivered(string ProviderId) : SendOutcome;

    /// <summary>
    /// Not taken this time (server down, slow, busy, 429/5xx); the same message may be offered again with
    /// the same key, no sooner than <paramref name="RetryAfter"/> when the receiving side said so.
    /// </summary>
    public sealed record TransientFailure(string Reason, TimeSpan? RetryAfter = null) : SendOutcome;

    /// <summary>Refused for good (a rejected recipient, a 4xx, an unsafe header): record it and never offer this message again.</summary>
    public sealed record PermanentFailure(string Reason) : SendOutcome;
}
