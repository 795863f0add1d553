namespace CampaignDsl.Runtime.Scheduling;

/// <summary>What happened at one point of a contact's timeline; <see cref="TimelineEntry.Status"/> takes these values.</summary>
public static class TimelineStatus
{
    /// <summary>A message goes out (possibly later than due: see <see cref="TimelineEntry.DeferredFrom"/>).</summary>
    public const string Sent = "sent";

    /// <summary>A control-group contact would have been sent this message (a row with a stage), or finished or left (without one: see <see cref="TimelineReasons.ControlResponded"/>); nothing goes out, nothing is done.</summary>
    public const string Holdout = "holdout";

    /// <summary>The stage's when/unless conditions failed; the contact moves on.</summary>
    public const string Skipped = "skipped";

    /// <summary>
    /// The send cannot reach the contact (no address for the channel, no consent, a header that would be refused:
    /// <see cref="Sending.Reachability"/>); nothing goes out, and the caps do not count it. The reason says why.
    /// </summary>
    public const string Unreachable = "unreachable";

    /// <summary>A frequency cap held the message back past the end of the simulation.</summary>
    public const string Capped = "capped";

    /// <summary>The contact left the campaign: an exit condition held, or the goal was reached.</summary>
    public const string Exit = "exit";

    /// <summary>The contact finished and was enrolled in the hand-off campaign.</summary>
    public const string Handoff = "handoff";

    /// <summary>The contact finished without responding and the final action applied.</summary>
    public const string Final = "final";

    /// <summary>The engagement forecast predicts the contact opens the message sent just before (<c>--forecast benchmark</c>).</summary>
    public const string Opened = "opened";

    /// <summary>The forecast predicts a click in the message.</summary>
    public const string Clicked = "clicked";

    /// <summary>The forecast predicts a purchase: after a click, or on the contact's own (reason <see cref="TimelineReasons.Organic"/>).</summary>
    public const string Converted = "converted";

    /// <summary>The forecast predicts the contact unsubscribes; later sends to it are skipped.</summary>
    public const string Unsubscribed = "unsubscribed";
}

/// <summary>Fixed beginnings of <see cref="TimelineEntry.Reason"/> that tools may match on.</summary>
public static class TimelineReasons
{
    /// <summary>A send moved later by a frequency cap: <c>frequency cap 2 per 7d</c>.</summary>
    public const string CapPrefix = "frequency cap";

    /// <summary>A reaction the engagement forecast predicts for a send.</summary>
    public const string Forecast = "forecast";

    /// <summary>A purchase the forecast predicts without any send (the baseline both treated and control contacts get).</summary>
    public const string Organic = "organic (forecast)";

    /// <summary>A send skipped because a campaign's final action suppressed the contact before it: <c>suppressed by the final action of x</c>.</summary>
    public const string SuppressedPrefix = "suppressed";

    /// <summary>A send skipped because the forecast had the contact unsubscribe before it.</summary>
    public const string Unsubscribed = "unsubscribed (forecast)";

    /// <summary>A control-group contact finished or left having responded: a <c>holdout</c> row without a stage; nothing was done.</summary>
    public const string ControlResponded = "control group: responded";

    /// <summary>A control-group contact finished without responding: a <c>holdout</c> row without a stage; no final action.</summary>
    public const string ControlNoResponse = "control group: no response";
}

/// <summary>
/// One row of the timeline. Times are UTC and the contact's local wall clock in <see cref="TimeZone"/>.
/// <see cref="Reason"/> explains any status other than a plain send; <see cref="EnteredAt"/> and <see cref="Enrolment"/>
/// (1 for the first pass, 2 for a re-entry, ...) tell which pass through the campaign the row belongs to.
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset AtUtc,
    DateTime AtLocal,
    string TimeZone,
    string ContactId,
    string Campaign,
    string? Stage,
    string Status,
    string? Channel = null,
    string? SendId = null,
    string? Variant = null,
    string? SubjectVariant = null,
    string? Subject = null,
    string? Incentive = null,
    string? IncentiveCode = null,
    string? TemplateHash = null,
    DateTimeOffset? DeferredFrom = null,
    string? Reason = null,
    DateTimeOffset? EnteredAt = null,
    int? Enrolment = null);
