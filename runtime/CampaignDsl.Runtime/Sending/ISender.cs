namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Hands one message to a channel: a folder of <c>.eml</c> files, an SMTP server, an HTTP endpoint.
/// Implementations never throw for a failed send: they return an outcome, so one failing recipient
/// never stops the others; only cancellation throws.
/// </summary>
public interface ISender
{
    /// <summary>Tries once to deliver <paramref name="message"/>; retries and the rate limit are <see cref="RetryingSender"/>'s.</summary>
    Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}
