using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// One message for one contact: the plan it comes from, its stage and send, the moment it goes out
/// (expiry <c>after send</c> counts from it), and the links' base and code secret of the project.
/// </summary>
public sealed record MessageContext(
    CampaignPlan Plan,
    PlanStage Stage,
    PlanSend Send,
    Contact Contact,
    DateTimeOffset SendTime,
    MessageLinks Links,
    string CodeSecret);
