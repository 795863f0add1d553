using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// Ticks of a real run reading the contacts from the PostgreSQL store (each batch's histories asked for by id) decide
/// exactly what ticks reading the same data from the SQLite store decide.
/// </summary>
public sealed class PostgresTickTests(PostgresDataFixture data) : IClassFixture<PostgresDataFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ticks_from_postgres_put_the_same_sends_in_the_outbox_as_ticks_from_sqlite()
    {
        var plan = ExampleProject.Plans().Single(p => p.Campaign.Name == "we_miss_you");
        var campaign = new RunCampaign(plan, "we_miss_you.campaign", (PlanTemplate _, out string? problem) => { problem = "no templates in this test"; return null; });
        using var folder = new TempFolder();

        var fromSqlite = await TicksAsync(campaign, folder.Combine("sqlite-state.db"), () => data.Examples.Sqlite.AsSource());
        var fromPostgres = await TicksAsync(campaign, folder.Combine("postgres-state.db"), () => new PostgresContactSource(data.Examples.Postgres));

        Assert.True(fromSqlite.Count > 100, $"{fromSqlite.Count} sends");
        Assert.Equal(fromSqlite, fromPostgres);
    }

    private static async Task<List<string>> TicksAsync(RunCampaign campaign, string statePath, Func<IContactSource> source)
    {
        foreach (var now in new[] { Start, Start.AddDays(3), Start.AddDays(9).AddHours(5) })
        {
            await using var state = await RunState.OpenAsync(statePath);
            var settings = new RunSettings(now, "w1", "test", MessageLinks.Default, TimeSpan.FromMinutes(2));
            var running = await state.ApplyPlanAsync(campaign.Name, campaign.Version, campaign.Source, [.. campaign.Plan.Stages.Select(s => s.Name)], now);
            await new RunTick(state, [campaign], settings).RunAsync(source(), new Dictionary<string, RunningCampaign> { [campaign.Name] = running });
        }

        await using var read = await RunState.OpenAsync(statePath);
        var sends = new List<string>();
        await foreach (var send in read.ReadSendsAsync())
        {
            sends.Add($"{send.IdempotencyKey} {send.ContactId} {send.Stage} {send.DueAt:O}");
        }

        return sends;
    }
}
