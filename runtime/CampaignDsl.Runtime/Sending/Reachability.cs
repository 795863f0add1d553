using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Templates;
using MimeKit;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Whether a send can reach its contact: the one decision of it, which the scheduler makes when a send falls due, before
/// it books it, so that <c>simulate</c> and <c>run</c> (which replays the scheduler) cannot disagree. A send is
/// unreachable when the contact has no address for its channel, has not consented to it (<see cref="IChannelConsent"/>),
/// or when a header would be refused (<see cref="MessageSafety"/>) for what is known before the body is rendered: the
/// contact's address, the sender and reply-to of the plan, and the drawn subject line with the contact's values in it.
/// docs/runtime.md ("Reachability") states the rules.
/// </summary>
public sealed class Reachability(IChannelConsent consent)
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Webhook = "webhook";

    private static readonly MessageRenderer Renderer = MessageRenderer.CreateDefault();

    /// <summary>The rules every command applies: consent is the contact's <c>subscribed</c> (<see cref="SubscribedConsent"/>).</summary>
    public static Reachability Standard { get; } = new(new SubscribedConsent());

    /// <summary>
    /// Where a message on <paramref name="channel"/> goes: the email address, the phone number for sms; push and webhook
    /// messages name the contact by its id (the app and the receiving system know it), so every contact has that one.
    /// </summary>
    public static string? AddressOf(Contact contact, string channel)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return channel switch
        {
            Email => contact.Email,
            Sms => contact.Phone,
            _ => contact.Id,
        };
    }

    /// <summary>
    /// Why <paramref name="send"/> of <paramref name="stage"/>, with the drawn <paramref name="subject"/>, cannot reach
    /// <paramref name="contact"/> at <paramref name="at"/>; null when it can. The reasons never quote contact data, so
    /// they can be counted together and printed safely.
    /// </summary>
    public string? Problem(CampaignPlan plan, PlanStage stage, PlanSend send, PlanSubject? subject, Contact contact, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(contact);
        var channel = send.Channel;
        var address = AddressOf(contact, channel);
        if (string.IsNullOrWhiteSpace(address))
        {
            return $"no {AddressName(channel)}";
        }

        if (consent.Refusal(contact, channel, at) is { } refusal)
        {
            return refusal;
        }

        if (MessageSafety.ControlCharacter(address) is { } inAddress)
        {
            return $"header refused: the {AddressName(channel)} holds {inAddress}";
        }

        if (channel == Email && !(MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox) && !string.IsNullOrEmpty(mailbox.Domain)))
        {
            return "the email address does not parse as one (name@domain)";
        }

        if (MessageSafety.ControlCharacter(send.From ?? plan.Campaign.From) is { } inSender)
        {
            return $"header refused: the sender holds {inSender}";
        }

        if (channel == Email && MessageSafety.ControlCharacter(plan.Campaign.ReplyTo) is { } inReplyTo)
        {
            return $"header refused: the reply-to address holds {inReplyTo}";
        }

        return subject is null ? null : SubjectProblem(plan, stage, send, subject, contact, at);
    }

    /// <summary>
    /// The subject as it will be sent holds a control character: in its own text, or through a contact value it fills
    /// in. Only a contact that carries such a value is rendered (most never are), with the same model a message gets.
    /// </summary>
    private static string? SubjectProblem(CampaignPlan plan, PlanStage stage, PlanSend send, PlanSubject subject, Contact contact, DateTimeOffset at)
    {
        if (MessageSafety.ControlCharacter(subject.Text) is { } inText)
        {
            return $"header refused: the subject holds {inText}";
        }

        if (!subject.Text.Contains("{{", StringComparison.Ordinal) || !CarriesControlCharacter(contact))
        {
            return null;
        }

        var model = MessageModel.Build(new MessageContext(plan, stage, send, contact, at, MessageLinks.Default, plan.Campaign.Name), out _);
        var rendered = Renderer.RenderText(TemplateEngines.BuiltIn.FindByName(TemplateEngines.InlineEngine)!, subject.Text, model, "subject", []);
        return MessageSafety.ControlCharacter(rendered) is { } filled
            ? $"header refused: the subject holds {filled} once the contact's values are filled in"
            : null;
    }

    private static bool CarriesControlCharacter(Contact contact)
    {
        if (Holds(contact.Id) || Holds(contact.Email) || Holds(contact.Phone) || Holds(contact.FirstName) || Holds(contact.LastName)
            || Holds(contact.TimeZone) || Holds(contact.Locale))
        {
            return true;
        }

        foreach (var value in contact.Attributes.Values)
        {
            if (value is TextValue text && Holds(text.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(string? value) => MessageSafety.ControlCharacter(value) is not null;

    private static string AddressName(string channel) => channel switch
    {
        Email => "email address",
        Sms => "phone number",
        _ => "contact id",
    };
}
