namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// A sender cannot be opened: an unknown kind, an environment variable named by campaignc.yaml that
/// is not set. Commands print the message and stop before anything is sent; it never holds a secret.
/// </summary>
public sealed class SenderException : Exception
{
    public SenderException(string message)
        : base(message)
    {
    }

    public SenderException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SenderException()
    {
    }
}
