using System.Collections.Immutable;
using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// The headers a campaign's settings put on its email, recorded with the send in the outbox so that every sender
/// (smtp, file, webhook, a plugin's) gets them: <c>Reply-To</c> from the campaign's <c>reply_to</c> (or campaignc.yaml's).
/// </summary>
public static class MailHeaders
{
    public const string ReplyTo = "Reply-To";

    public static ImmutableSortedDictionary<string, string> Of(string channel, PlanCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var headers = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        return channel == "email" && !string.IsNullOrWhiteSpace(campaign.ReplyTo) ? headers.Add(ReplyTo, campaign.ReplyTo) : headers;
    }
}
