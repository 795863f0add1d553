namespace CampaignDsl.Plan;

/// <summary>
/// Whether a contact that entered may enter again: <see cref="Policy"/> <c>never</c>, or <c>after</c>
/// <see cref="AfterSeconds"/> counted from its previous entry. <see cref="Id"/> is null for the default, <c>never</c>.
/// </summary>
public sealed record PlanReentry(string? Id, string Policy, long? AfterSeconds)
{
    public const string Never = "never";
    public const string After = "after";
}
