using CampaignDsl.Plan;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// The code a contact gets for an incentive, as the timeline records it: the same code the message
/// renders (<see cref="IncentiveCodes"/>), so simulated and sent codes agree. No pattern, no code.
/// </summary>
public static class IncentiveCode
{
    public static string? For(PlanIncentive incentive, string campaign, string contactId) =>
        incentive.CodePattern is { } pattern
            ? IncentiveCodes.Generate(pattern, campaign, incentive.Name, contactId, IncentiveCodes.SecretFor(campaign), out _)
            : null;
}
