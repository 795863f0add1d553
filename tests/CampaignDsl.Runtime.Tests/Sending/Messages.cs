using System.Collections.Immutable;
using CampaignDsl.Runtime.Sending;

namespace CampaignDsl.Runtime.Tests.Sending;

/// <summary>Messages as the runner would hand them to a sender.</summary>
internal static class Messages
{
    public static OutgoingMessage Email(string contactId = "c-17850", string to = "Ada Lovelace <ada@customers.example>", string? subject = "We miss you, Ada") =>
        new(
            IdempotencyKey: "winback.v3.first_nudge." + contactId + ".0",
            Campaign: "winback",
            PlanVersion: "3f1c0e2b9a7d4c55",
            Stage: "first_nudge",
            ContactId: contactId,
            Channel: "email",
            From: "Shop <news@shop.example>",
            To: to,
            Subject: subject,
            HtmlBody: "<p>Come back for <b>15%</b> off: code WB-7Q2K</p>",
            TextBody: "Come back for 15% off: code WB-7Q2K",
            Marketing: true,
            UnsubscribeUrl: "https://links.shop.example/u/0123456789abcdef",
            IncentiveCode: "WB-7Q2K",
            Headers: ImmutableSortedDictionary<string, string>.Empty.Add("X-Source", "campaignc"));
}
