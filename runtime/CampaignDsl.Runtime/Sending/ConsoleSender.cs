namespace CampaignDsl.Runtime.Sending;

/// <summary>Prints one line per message instead of sending it: for trying a campaign by hand.</summary>
public sealed class ConsoleSender(TextWriter output) : ISender
{
    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MessageSafety.Problem(message) is { } problem)
        {
            return new SendOutcome.PermanentFailure(problem);
        }

        await output.WriteLineAsync($"{message.Channel} {message.IdempotencyKey} to {message.To}: {message.Subject}".AsMemory(), cancellationToken).ConfigureAwait(false);
        return new SendOutcome.Delivered(message.IdempotencyKey);
    }
}
