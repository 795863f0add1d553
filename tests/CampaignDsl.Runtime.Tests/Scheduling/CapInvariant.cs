using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>
/// The cap rule of docs/runtime.md, checked from the timeline alone: at the instant each send of a capped campaign goes
/// out, fewer than N messages (of any campaign) went out in the period before it. Sends at the same instant count when
/// they went out first (they are earlier in the timeline); a send of another campaign after it does not count against it.
/// </summary>
internal static class CapInvariant
{
    /// <summary>Each send that broke its campaign's cap, with what it saw; empty when the rule held throughout.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<CampaignPlan> plans)
    {
        var caps = plans.Where(p => p.Policies.Cap is not null).ToDictionary(p => p.Campaign.Name, p => p.Policies.Cap!, StringComparer.Ordinal);
        var sent = timeline.Where(e => e.Status == TimelineStatus.Sent).ToList();
        var violations = new List<string>();
        for (var i = 0; i < sent.Count; i++)
        {
            if (!caps.TryGetValue(sent[i].Campaign, out var cap))
            {
                continue;
            }

            var at = sent[i].AtUtc;
            var from = at - TimeSpan.FromSeconds(cap.PeriodSeconds);
            var before = sent.Take(i).Count(e => e.AtUtc > from && e.AtUtc <= at);
            if (before >= cap.Count)
            {
                violations.Add($"{sent[i].ContactId} {sent[i].Campaign}/{sent[i].Stage} at {at:u}: {before} sends in the {Durations.Format(cap.PeriodSeconds)} before it, cap {cap.Count}");
            }
        }

        return violations;
    }
}
