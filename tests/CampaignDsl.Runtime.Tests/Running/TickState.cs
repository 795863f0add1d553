using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Scheduling;

namespace CampaignDsl.Runtime.Tests.Running;

/// <summary>A run state in a temporary folder that tests tick, as cron would run <c>campaignc run --now</c>, and then read.</summary>
internal sealed class TickState : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.Combine("state.db");

    public void Dispose() => _folder.Dispose();

    /// <summary>A campaign written in the language; its templates cannot be read (the tests look at keys, stages and moments).</summary>
    public static RunCampaign Campaign(string source) =>
        new(Plans.Compile(source), "test.campaign", (PlanTemplate _, out string? problem) => { problem = "no templates in this test"; return null; });

    /// <summary>One tick at <paramref name="now"/> of these campaigns (started by their first tick) on <paramref name="source"/>.</summary>
    /// <param name="worker">The worker's name; a set of campaigns of its own is a cron of its own, with its own name.</param>
    public async Task<PlanningResult> TickAsync(IReadOnlyList<RunCampaign> campaigns, IContactSource source, DateTimeOffset now, string worker = "w1")
    {
        await using var run = await RunState.OpenAsync(Path);
        var settings = new RunSettings(now, worker, "test", MessageLinks.Default, TimeSpan.FromMinutes(2));
        var running = new Dictionary<string, RunningCampaign>(StringComparer.Ordinal);
        foreach (var campaign in campaigns)
        {
            running[campaign.Name] = await run.ApplyPlanAsync(campaign.Name, campaign.Version, campaign.Source, [.. campaign.Plan.Stages.Select(s => s.Name)], now);
        }

        return await new RunTick(run, campaigns, settings).RunAsync(source, running);
    }

    public async Task<List<OutboxSend>> SendsAsync()
    {
        await using var run = await RunState.OpenAsync(Path);
        var sends = new List<OutboxSend>();
        await foreach (var send in run.ReadSendsAsync())
        {
            sends.Add(send);
        }

        return sends;
    }

    /// <summary>The audit log's lines of one kind, optionally of one contact, in the order written.</summary>
    public async Task<List<AuditRecord>> AuditAsync(string kind, string? contact = null)
    {
        await using var run = await RunState.OpenAsync(Path);
        var records = new List<AuditRecord>();
        await foreach (var record in run.ReadAuditAsync(contact))
        {
            if (record.Kind == kind)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
