using System.Globalization;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;

namespace Campaignc.Output;

/// <summary>What <c>campaignc run</c> prints: where it runs, each plan change before it applies, and each pass's figures.</summary>
public sealed class RunReport(TextWriter stdout)
{
    public void Started(string state, string sender, string worker) =>
        stdout.WriteLine($"Run state {state}, sender {sender}, worker {worker}");

    public void Suppressions(string list, int rows, int added) =>
        stdout.WriteLine($"Suppression list {list}: {N(rows)} addresses, {N(added)} new");

    public void PlanChanged(PlanChange change)
    {
        stdout.WriteLine($"Campaign {change.Campaign}: the plan changed ({change.FromVersion} -> {change.ToVersion}).");
        stdout.WriteLine(change.RemovedStages.Count == 0
            ? "  No stage was removed."
            : $"  Removed stages: {string.Join(", ", change.RemovedStages)}; {N(change.ContactsAtRemovedStages)} contacts were last sent one of them and go on with the stages after it; pending sends of removed stages are cancelled.");
        if (change.AddedStages.Count > 0)
        {
            stdout.WriteLine($"  New stages: {string.Join(", ", change.AddedStages)}; contacts in flight get them when they reach them.");
        }

        foreach (var (stage, contacts) in change.ContactsByLastStage)
        {
            stdout.WriteLine($"  {N(contacts)} contacts were last sent stage {stage}");
        }

        stdout.WriteLine("  Stages already sent are never sent again.");
    }

    public void Pass(DateTimeOffset now, PlanningResult planned, DeliveryResult delivered, IReadOnlyDictionary<string, long> outbox)
    {
        var at = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        stdout.WriteLine(
            $"{at}: {N(planned.Contacts)} journeys advanced; {N(planned.Due)} sends due, {N(planned.NewSends)} new in the outbox"
            + (planned.RenderFailures > 0 ? $" ({N(planned.RenderFailures)} could not be rendered)" : "")
            + (planned.Unreachable > 0 ? $"; {N(planned.Unreachable)} unreachable (in the audit log with the reason)" : ""));
        stdout.WriteLine(
            $"  delivered {N(delivered.Delivered)}, failed {N(delivered.Failed)}, suppressed {N(delivered.Suppressed)}, deferred {N(delivered.Deferred)}"
            + (delivered.LostClaims > 0 ? $", {N(delivered.LostClaims)} taken over by another worker" : ""));
        stdout.WriteLine("  outbox: " + string.Join(", ", outbox.Select(s => $"{s.Key} {N(s.Value)}")));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
