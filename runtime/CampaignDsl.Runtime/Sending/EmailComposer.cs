using System.Globalization;
using MimeKit;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Turns an <see cref="OutgoingMessage"/> into an RFC 5322 message with MimeKit: <c>Message-ID</c>
/// from the idempotency key and the domain of the sender, <c>List-Unsubscribe</c> and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058) on marketing email, <c>Reply-To</c>
/// from the campaign (<see cref="MailHeaders"/>), the text and HTML bodies as <c>multipart/alternative</c>. The smtp and file senders share it, so a
/// <c>.eml</c> file is exactly what the SMTP server would have received.
/// </summary>
public static class EmailComposer
{
    /// <summary>The composed message, or the reason it cannot be one (a problem from <see cref="MessageSafety"/>, an address that does not parse).</summary>
    public static (MimeMessage? Message, string? Problem) Compose(OutgoingMessage message, DateTimeOffset date, string? fromOverride = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MessageSafety.Problem(message) is { } problem)
        {
            return (null, problem);
        }

        var fromText = fromOverride ?? message.From;
        if (!MailboxAddress.TryParse(ParserOptions.Default, fromText, out var from) || string.IsNullOrEmpty(from.Domain))
        {
            return (null, $"the sender '{fromText}' is not an email address");
        }

        if (!MailboxAddress.TryParse(ParserOptions.Default, message.To, out var to) || string.IsNullOrEmpty(to.Domain))
        {
            return (null, $"the recipient '{message.To}' of contact {message.ContactId} is not an email address");
        }

        var mime = new MimeMessage
        {
            MessageId = MessageId(message.IdempotencyKey, from.Domain),
            Date = date,
            Subject = message.Subject ?? "",
        };
        mime.From.Add(from);
        mime.To.Add(to);
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", "<" + unsubscribe + ">");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Headers.Add("X-Campaign", string.Create(CultureInfo.InvariantCulture,
            $"{message.Campaign}; version={message.PlanVersion}; stage={message.Stage}"));
        foreach (var (name, value) in message.ExtraHeaders)
        {
            if (string.Equals(name, MailHeaders.ReplyTo, StringComparison.OrdinalIgnoreCase))
            {
                // An address header is written by MimeKit from parsed addresses, so a name is encoded as RFC 2047 requires.
                if (!InternetAddressList.TryParse(ParserOptions.Default, value, out var replyTo) || replyTo.Mailboxes.Any(m => string.IsNullOrEmpty(m.Domain)))
                {
                    return (null, $"the reply-to address '{value}' is not an email address");
                }

                mime.ReplyTo.AddRange(replyTo);
                continue;
            }

            mime.Headers.Add(name, value);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return (mime, null);
    }

    /// <summary><c>key@domain</c>: MimeKit adds the angle brackets.</summary>
    public static string MessageId(string key, string domain) => key + "@" + domain;

    /// <summary>RFC 5322 bytes with CRLF line ends, as a server or a pickup directory takes them.</summary>
    public static byte[] Format(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return stream.ToArray();
    }
}
