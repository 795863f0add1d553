using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>The campaign header: who it is, whose it is and who it sends as.</summary>
/// <param name="Type">welcome, appreciation, retention, winback, reengagement, post_purchase, nurture or custom.</param>
/// <param name="From">The sender, such as <c>Anna from Shop &lt;anna@shop.example&gt;</c>; null when neither the campaign nor campaignc.yaml names one.</param>
/// <param name="TimeZone">The IANA time zone for contacts without one of their own.</param>
public sealed record PlanCampaign(
    string Id,
    string Name,
    string? Title,
    string Type,
    string? Description,
    string? Owner,
    string? From,
    string? ReplyTo,
    string? TimeZone,
    ImmutableArray<string> Tags);
