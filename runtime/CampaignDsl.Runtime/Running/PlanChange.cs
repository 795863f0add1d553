using CampaignDsl.Runtime.State;

namespace CampaignDsl.Runtime.Running;

/// <summary>
/// What a new plan version of a running campaign does to contacts in flight, reported before it applies. The rule
/// (docs/runtime.md, "Editing a running campaign"): contacts keep their place; a stage already sent to a contact is
/// never sent again (the outbox knows it, whatever the version); sends of removed stages still pending are cancelled
/// and logged; later stages follow the new plan's timings and conditions.
/// </summary>
public sealed record PlanChange(
    string Campaign,
    string FromVersion,
    string ToVersion,
    IReadOnlyList<string> RemovedStages,
    IReadOnlyList<string> AddedStages,
    IReadOnlyDictionary<string, long> ContactsByLastStage)
{
    /// <summary>The change the campaign's plan makes to the state, or null when the state runs this version already or has never run the campaign.</summary>
    public static async Task<PlanChange?> DescribeAsync(RunState state, RunCampaign campaign, CancellationToken cancellationToken = default)
    {
        if (await state.FindCampaignAsync(campaign.Name, cancellationToken).ConfigureAwait(false) is not { } running || running.PlanVersion == campaign.Version)
        {
            return null;
        }

        var before = await state.StagesOfAsync(campaign.Name, running.PlanVersion, cancellationToken).ConfigureAwait(false);
        var after = campaign.Plan.Stages.Select(s => s.Name).ToList();
        return new PlanChange(
            campaign.Name, running.PlanVersion, campaign.Version,
            [.. before.Except(after, StringComparer.Ordinal)], [.. after.Except(before, StringComparer.Ordinal)],
            await state.ContactsByLastStageAsync(campaign.Name, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Contacts whose latest send was of a removed stage: they go on with the stages after it in the new plan, if any.</summary>
    public long ContactsAtRemovedStages => RemovedStages.Sum(s => ContactsByLastStage.GetValueOrDefault(s));

    /// <summary>Cancels the removed stages' pending sends and logs the change.</summary>
    public static async Task<int> ApplyAsync(RunState state, RunCampaign campaign, PlanChange change, RunSettings settings, CancellationToken cancellationToken = default)
    {
        var cancelled = await state.CancelPendingAsync(change.Campaign, change.RemovedStages, $"stage removed in plan version {change.ToVersion}", settings.Now, cancellationToken).ConfigureAwait(false);
        await state.AuditAsync(
            [new AuditRecord(IdempotencyKeys.For(change.Campaign, change.ToVersion, "", "plan", "", 0), settings.Now, "plan changed",
                $"{change.FromVersion} -> {change.ToVersion} ({campaign.Source}): removed stages [{string.Join(", ", change.RemovedStages)}], added [{string.Join(", ", change.AddedStages)}]; "
                + $"{change.ContactsAtRemovedStages} contacts were last sent a removed stage; {cancelled} pending sends cancelled", change.Campaign)],
            settings.Worker, settings.Now, cancellationToken).ConfigureAwait(false);
        return cancelled;
    }
}
