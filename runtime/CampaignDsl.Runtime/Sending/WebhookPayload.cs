using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CampaignDsl.Runtime.Sending;

/// <summary>The JSON body the webhook sender posts: the message and where it comes from, in snake_case.</summary>
public sealed record WebhookPayload(
    [property: JsonPropertyName("idempotency_key")] string IdempotencyKey,
    [property: JsonPropertyName("campaign")] string Campaign,
    [property: JsonPropertyName("plan_version")] string PlanVersion,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("contact_id")] string ContactId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("marketing")] bool Marketing,
    [property: JsonPropertyName("unsubscribe_url")] string? UnsubscribeUrl,
    [property: JsonPropertyName("incentive_code")] string? IncentiveCode,
    [property: JsonPropertyName("headers")] ImmutableSortedDictionary<string, string> Headers)
{
    public static WebhookPayload Of(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.ExtraHeaders;
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            headers = headers.SetItem("List-Unsubscribe", "<" + unsubscribe + ">").SetItem("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return new WebhookPayload(message.IdempotencyKey, message.Campaign, message.PlanVersion, message.Stage, message.ContactId, message.Channel,
            message.From, message.To, message.Subject, message.HtmlBody, message.TextBody, message.Marketing, message.UnsubscribeUrl,
            message.IncentiveCode, headers);
    }
}
