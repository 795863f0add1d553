using System.Globalization;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// The checks every sender makes before a message leaves: no header can be injected (a CR, LF or other
/// control character in a subject, a name or an address that came from contact data), the idempotency
/// key is usable as a Message-ID and a file name, and marketing email carries its unsubscribe link.
/// A message that fails is a <see cref="SendOutcome.PermanentFailure"/> with the reason; it is never sent.
/// </summary>
public static class MessageSafety
{
    /// <summary>The longest idempotency key; it becomes a file name and the left part of a Message-ID.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Why <paramref name="message"/> must not be sent, or null when it may.</summary>
    public static string? Problem(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (KeyProblem(message.IdempotencyKey) is { } keyProblem)
        {
            return keyProblem;
        }

        var fields = new (string Name, string? Value)[]
        {
            ("subject", message.Subject), ("from", message.From), ("to", message.To),
            ("unsubscribe link", message.UnsubscribeUrl), ("incentive code", message.IncentiveCode),
        };
        foreach (var (name, value) in fields)
        {
            if (ControlCharacter(value) is { } found)
            {
                return $"header injection refused: the {name} holds {found}; the message was not sent (fix the contact data or the template)";
            }
        }

        foreach (var (name, value) in message.ExtraHeaders)
        {
            if (name.Length == 0 || !name.All(c => c is > ' ' and < '\x7f' and not ':'))
            {
                return $"header injection refused: the header name '{Printable(name)}' is not a valid header name; the message was not sent";
            }

            if (ControlCharacter(value) is { } found)
            {
                return $"header injection refused: the header {name} holds {found}; the message was not sent";
            }
        }

        if (message.Marketing && message.Channel == "email" && string.IsNullOrWhiteSpace(message.UnsubscribeUrl))
        {
            return "a marketing email needs an unsubscribe link (List-Unsubscribe); the message was not sent";
        }

        return message.UnsubscribeUrl is { } url && !IsHttps(url)
            ? $"the unsubscribe link '{Printable(url)}' is not an absolute https URL, which one-click unsubscribe (RFC 8058) needs; the message was not sent"
            : null;
    }

    /// <summary>Why <paramref name="key"/> cannot be an idempotency key, or null: 1-200 letters, digits, <c>.</c>, <c>-</c> and <c>_</c>.</summary>
    public static string? KeyProblem(string? key) =>
        string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || key[0] == '.' || key[^1] == '.' || key.Contains("..", StringComparison.Ordinal)
            || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? $"the idempotency key '{Printable(key ?? "")}' is not usable: it takes 1 to {MaxKeyLength} letters, digits, '-', '_' and inner single '.'"
            : null;

    private static bool IsHttps(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>The first character of <paramref name="value"/> that no header may carry, described (<c>a line feed (LF)</c>), or null.</summary>
    internal static string? ControlCharacter(string? value)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\0' || (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029' or '\u0085')
            {
                return c switch
                {
                    '\r' => "a carriage return (CR)",
                    '\n' => "a line feed (LF)",
                    _ => "the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                };
            }
        }

        return null;
    }

    // Shown in a reason: control characters as \uXXXX so the reason itself cannot break a log line.
    private static string Printable(string text) =>
        string.Concat(text.Take(80).Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString()));
}
