using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// One message ready to go to one contact, as the runner hands it to an <see cref="ISender"/>. The
/// <paramref name="IdempotencyKey"/> is derived from campaign, plan version, stage, contact and
/// occurrence and recorded before the send; a re-offered send carries the same key, and every sender
/// passes it on (<c>Message-ID: &lt;key@domain-of-from&gt;</c>, an <c>Idempotency-Key</c> header, the
/// <c>.eml</c> file name) so the receiving side can drop a second copy.
/// </summary>
/// <param name="Channel"><c>email</c>, <c>sms</c>, <c>push</c>, ... as the plan names it.</param>
/// <param name="From">The sender as an address or <c>Name &lt;address&gt;</c>.</param>
/// <param name="To">The contact's address (email) or number (sms); a name may come with it as in <paramref name="From"/>.</param>
/// <param name="UnsubscribeUrl">The one-click unsubscribe link; required on marketing email, where it becomes <c>List-Unsubscribe</c>.</param>
/// <param name="Headers">Further headers to send as given; names and values are checked like the rest.</param>
public sealed record OutgoingMessage(
    string IdempotencyKey,
    string Campaign,
    string PlanVersion,
    string Stage,
    string ContactId,
    string Channel,
    string From,
    string To,
    string? Subject,
    string? HtmlBody,
    string? TextBody,
    bool Marketing = true,
    string? UnsubscribeUrl = null,
    string? IncentiveCode = null,
    ImmutableSortedDictionary<string, string>? Headers = null)
{
    /// <summary>The extra headers, never null.</summary>
    public ImmutableSortedDictionary<string, string> ExtraHeaders => Headers ?? ImmutableSortedDictionary<string, string>.Empty;
}
