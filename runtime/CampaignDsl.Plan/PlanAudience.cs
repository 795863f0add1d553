namespace CampaignDsl.Plan;

/// <summary>Who enters (<see cref="Where"/>; null for every contact), how contacts enter, and whether they may enter again.</summary>
public sealed record PlanAudience(string? Id, PlanExpression? Where, PlanEntry Entry, PlanReentry Reentry);
