using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Whether a contact has agreed to be messaged on a channel at a moment: the question <see cref="Reachability"/> asks
/// before a send is booked. A per-channel consent in the data is one more implementation of it.
/// </summary>
public interface IChannelConsent
{
    /// <summary>Why <paramref name="contact"/> may not be messaged on <paramref name="channel"/> at <paramref name="at"/>, or null when it may.</summary>
    string? Refusal(Contact contact, string channel, DateTimeOffset at);
}

/// <summary>
/// The consent the contact model carries today: <see cref="Contact.Subscribed"/>, one answer for every channel that
/// messages the contact (email, sms, push), false when the data does not say, since consent is never assumed. A
/// webhook calls a system about the contact rather than messaging it, so it needs none.
/// </summary>
public sealed class SubscribedConsent : IChannelConsent
{
    public const string NotSubscribed = "no consent: subscribed is false";

    public string? Refusal(Contact contact, string channel, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.Subscribed || channel == Reachability.Webhook ? null : NotSubscribed;
    }
}
