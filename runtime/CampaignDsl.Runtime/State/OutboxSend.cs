namespace CampaignDsl.Runtime.State;

/// <summary>Where a send stands in the outbox; the <c>sends.status</c> column.</summary>
public static class SendStatus
{
    /// <summary>Planned and waiting for a worker (again, after a transient failure).</summary>
    public const string Pending = "pending";

    /// <summary>Claimed by a worker until its lease ends; if the worker dies it is offered again, with the same key.</summary>
    public const string Sending = "sending";

    public const string Delivered = "delivered";

    /// <summary>Permanently failed (a rejected recipient, an exhausted retry budget, a refused header): never offered again.</summary>
    public const string Failed = "failed";

    /// <summary>The contact or address was suppressed (unsubscribe, bounce, complaint) by the time it was due.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>Still pending when a new plan version removed its stage: never sent.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>
/// One message in the outbox: recorded, rendered, before any sender sees it, under its idempotency key.
/// A re-offer after a crash sends exactly these bytes with exactly this key.
/// </summary>
public sealed record OutboxSend(
    string IdempotencyKey,
    string Campaign,
    string PlanVersion,
    string Stage,
    string SendId,
    string ContactId,
    int Occurrence,
    string Channel,
    DateTimeOffset DueAt,
    string Sender,
    string? From,
    string? To,
    string? Subject,
    string? BodyHtml,
    string? BodyText,
    IReadOnlyDictionary<string, string> Headers,
    string? UnsubscribeUrl = null,
    string? Variant = null,
    string? SubjectVariant = null,
    string? IncentiveCode = null,
    string Status = SendStatus.Pending,
    int Attempts = 0,
    string? ProviderId = null,
    string? LastError = null);

/// <summary>What a worker reports after handing a send to its sender.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    public sealed record Delivered(string? ProviderId) : SendResult;

    /// <summary>Worth another try at <see cref="RetryAt"/>.</summary>
    public sealed record Retry(string Reason, DateTimeOffset RetryAt) : SendResult;

    public sealed record Failed(string Reason) : SendResult;

    public sealed record Suppressed(string Reason) : SendResult;
}

/// <summary>One line of the append-only audit log. <see cref="DecisionKey"/> makes a decision recorded once, however often a run replays it.</summary>
public sealed record AuditRecord(
    string DecisionKey,
    DateTimeOffset At,
    string Kind,
    string Detail,
    string? Campaign = null,
    string? ContactId = null,
    string? Stage = null);

/// <summary>A suppressed address or contact: <see cref="Kind"/> is <c>contact</c>, <c>email</c> or <c>phone</c>.</summary>
public sealed record Suppression(string Kind, string Value, string Reason, string Source, DateTimeOffset At);
