using System.Text.Json.Serialization;

namespace CampaignDsl.Runtime.Sending;

/// <summary>One line of the file sender's <c>outbox.jsonl</c>: which message went out, to whom, in which file.</summary>
public sealed record OutboxLine(
    [property: JsonPropertyName("idempotency_key")] string IdempotencyKey,
    [property: JsonPropertyName("campaign")] string Campaign,
    [property: JsonPropertyName("plan_version")] string PlanVersion,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("contact_id")] string ContactId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("written_at")] DateTimeOffset WrittenAt);
