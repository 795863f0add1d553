using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// A message on a channel other than email (sms, push) as the file sender writes it: one JSON document per message,
/// holding what an SMS or push gateway would be given. The same checks as for email apply first
/// (<see cref="MessageSafety"/>), and a message without a recipient or a body is refused, never written.
/// </summary>
public sealed record ChannelMessageFile(
    [property: JsonPropertyName("idempotency_key")] string IdempotencyKey,
    [property: JsonPropertyName("campaign")] string Campaign,
    [property: JsonPropertyName("plan_version")] string PlanVersion,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("contact_id")] string ContactId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The file's bytes and the message's id (the idempotency key), or why it cannot be written.</summary>
    public static (byte[]? Bytes, string? MessageId, string? Problem) Compose(OutgoingMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MessageSafety.Problem(message) is { } problem)
        {
            return (null, null, problem);
        }

        if (string.IsNullOrWhiteSpace(message.To))
        {
            return (null, null, $"contact {message.ContactId} has no recipient for {message.Channel}; the message was not sent");
        }

        var body = message.TextBody ?? message.HtmlBody;
        if (string.IsNullOrEmpty(body))
        {
            return (null, null, $"the {message.Channel} message to contact {message.ContactId} has no body; the message was not sent");
        }

        var file = new ChannelMessageFile(message.IdempotencyKey, message.Campaign, message.PlanVersion, message.Stage, message.ContactId,
            message.Channel, message.From, message.To, body, now);
        return (JsonSerializer.SerializeToUtf8Bytes(file, Indented), "<" + message.IdempotencyKey + ">", null);
    }
}
