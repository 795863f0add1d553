using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Simulation.Forecast;
using CampaignDsl.Runtime.Tests.Scheduling;

namespace CampaignDsl.Runtime.Tests.Simulation;

/// <summary>The engagement forecast: rates, determinism, and reactions that exits, goals, conditions and the finish see.</summary>
public sealed class ForecastTests
{
    private const string TwoStages = """
        campaign t {
          type reengagement
          audience { where subscribed }
          POLICY
          stage one { send email BODY subject "x" }
          stage two after 7d { send email BODY subject "y" }
        }
        """;

    private static BenchmarkForecast Forecast(double open = 0, double click = 0, double conversion = 0, double unsubscribe = 0, double organic = 0, long seed = 1) =>
        new(ForecastRates.Benchmark.With(
            new Dictionary<string, RateOverride> { ["reengagement"] = new(open, click, conversion, unsubscribe) }, organic, out var problem)
            ?? throw new InvalidOperationException(problem), seed);

    private static List<TimelineEntry> Run(CampaignPlan plan, IEngagementForecast forecast, string contact = "c1", int days = 60, long seed = 0) =>
        [.. new ContactScheduler([new ScheduledCampaign(plan)], SimulationPeriod.FromDays(Plans.Start, days, seed), forecast)
            .Run(new ContactHistory(Plans.Subscriber(contact, "UTC"), []))
            .OrderBy(e => e.AtUtc)];

    private static CampaignPlan Compile(string policy) => Plans.Compile(TwoStages.Replace("POLICY", policy, StringComparison.Ordinal));

    [Fact]
    public void Drawn_rates_are_within_one_point_of_the_configured_rates_on_10k_contacts()
    {
        var plan = Compile("");
        var forecast = Forecast(open: 0.20, click: 0.03, conversion: 0.01, unsubscribe: 0.005);
        var reactions = Enumerable.Range(0, 10_000)
            .SelectMany(i => forecast.Reactions(new ForecastSend(plan, plan.Stages[0], 1, plan.Stages[0].Actions.Sends[0], $"C{i:D7}", Plans.Start)))
            .GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count() / 100.0);
        Assert.InRange(reactions["email.open"], 19.0, 21.0);
        Assert.InRange(reactions["email.click"], 2.5, 3.5);
        Assert.InRange(reactions["purchase"], 0.6, 1.4);
        Assert.InRange(reactions["email.unsubscribe"], 0.3, 0.7);
    }

    [Theory]
    [InlineData(1, 17.5)]
    [InlineData(3, 21.5)]
    [InlineData(5, 23.5)]
    [InlineData(6, 13.5)]
    public void Benchmark_reengagement_opens_follow_the_stage_position(int position, double percent)
    {
        var plan = Compile("");
        var forecast = new BenchmarkForecast(ForecastRates.Benchmark, 3);
        var opens = Enumerable.Range(0, 10_000).Count(i => forecast
            .Reactions(new ForecastSend(plan, plan.Stages[0], position, plan.Stages[0].Actions.Sends[0], $"C{i:D7}", Plans.Start))
            .Any(e => e.Type == "email.open"));
        Assert.InRange(opens / 100.0, percent - 1, percent + 1);
    }

    [Fact]
    public void Reactions_come_after_the_send_within_the_reaction_window_and_repeat_for_the_same_seed()
    {
        var plan = Compile("");
        var send = new ForecastSend(plan, plan.Stages[0], 1, plan.Stages[0].Actions.Sends[0], "c1", Plans.Start);
        var forecast = Forecast(open: 1, click: 1, conversion: 1, unsubscribe: 1);
        var reactions = forecast.Reactions(send);
        Assert.Equal(["email.click", "email.open", "email.unsubscribe", "purchase"], reactions.Select(e => e.Type).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(reactions.OrderBy(e => e.At), reactions);
        Assert.All(reactions, e => Assert.InRange(e.At, send.At.AddTicks(1), send.At + forecast.ReactionWindow));
        Assert.Equal(reactions.Select(e => (e.Type, e.At)), Forecast(open: 1, click: 1, conversion: 1, unsubscribe: 1).Reactions(send).Select(e => (e.Type, e.At)));
    }

    [Fact]
    public void A_contact_s_timeline_does_not_depend_on_the_order_of_contacts_and_changes_with_the_seed()
    {
        var plan = Compile("");
        var ids = Enumerable.Range(0, 300).Select(i => $"C{i:D7}").ToList();
        var forecast = Forecast(open: 0.3, click: 0.1, conversion: 0.05, unsubscribe: 0.02);
        var scheduler = new ContactScheduler([new ScheduledCampaign(plan)], SimulationPeriod.FromDays(Plans.Start, 60), forecast);
        string Timeline(ContactScheduler s, string id) =>
            string.Join('\n', s.Run(new ContactHistory(Plans.Subscriber(id, "UTC"), [])).OrderBy(e => e.AtUtc).Select(e => e.ToString()));

        var forward = ids.ToDictionary(id => id, id => Timeline(scheduler, id));
        var backward = Enumerable.Reverse(ids).ToDictionary(id => id, id => Timeline(scheduler, id));
        Assert.All(ids, id => Assert.Equal(forward[id], backward[id]));

        var reseeded = new ContactScheduler([new ScheduledCampaign(plan)], SimulationPeriod.FromDays(Plans.Start, 60), Forecast(open: 0.3, click: 0.1, conversion: 0.05, unsubscribe: 0.02, seed: 2));
        Assert.Contains(ids, id => Timeline(reseeded, id) != forward[id]);
    }

    [Fact]
    public void A_forecast_open_makes_an_exit_condition_hold_before_the_next_stage()
    {
        var rows = Run(Compile("policy { exit when engaged }"), Forecast(open: 1));
        Assert.Equal([TimelineStatus.Sent, TimelineStatus.Opened, TimelineStatus.Exit], rows.Select(r => r.Status).ToArray());
        Assert.Equal(rows[1].AtUtc, rows[2].AtUtc);
        Assert.Equal(TimelineReasons.Forecast, rows[1].Reason);
        Assert.StartsWith("exit condition", rows[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forecast_purchase_reaches_the_goal()
    {
        var rows = Run(Compile("policy { goal purchase within 30d }"), Forecast(open: 1, conversion: 1));
        Assert.Equal([TimelineStatus.Sent, TimelineStatus.Opened, TimelineStatus.Converted, TimelineStatus.Exit], rows.Select(r => r.Status).ToArray());
        Assert.Equal("goal reached: purchase", rows[3].Reason);
        Assert.Equal(rows[2].AtUtc, rows[3].AtUtc);
    }

    [Fact]
    public void A_stage_condition_reads_the_forecast_open_of_an_earlier_stage()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              stage one { send email BODY subject "x" }
              stage two after 7d {
                when opened(one)
                send email BODY subject "y"
              }
            }
            """);
        Assert.Equal(2, Run(plan, Forecast(open: 1)).Count(r => r.Status == TimelineStatus.Sent));
        var unopened = Run(plan, Forecast(open: 0));
        Assert.Equal(1, unopened.Count(r => r.Status == TimelineStatus.Sent));
        Assert.Contains(unopened, r => r.Status == TimelineStatus.Skipped && r.Stage == "two");
    }

    [Fact]
    public void A_forecast_unsubscribe_stops_later_sends()
    {
        var rows = Run(Compile(""), Forecast(unsubscribe: 1));
        Assert.Equal([TimelineStatus.Sent, TimelineStatus.Unsubscribed, TimelineStatus.Skipped], rows.Select(r => r.Status).ToArray());
        Assert.Equal(TimelineReasons.Unsubscribed, rows[2].Reason);
        Assert.Equal("two", rows[2].Stage);
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.0, true)]
    public void The_finish_waits_for_the_reactions_to_the_last_send(double open, bool final)
    {
        var rows = Run(Compile("policy { finally suppress \"sunset\" }"), Forecast(open: open));
        Assert.Equal(final, rows.Any(r => r.Status == TimelineStatus.Final));
        if (final)
        {
            var lastSend = rows.Last(r => r.Status == TimelineStatus.Sent).AtUtc;
            Assert.Equal(lastSend + Forecast().ReactionWindow, rows.Single(r => r.Status == TimelineStatus.Final).AtUtc);
        }
    }

    [Fact]
    public void The_holdout_gets_no_forecast_reactions_but_the_same_organic_baseline()
    {
        var plan = Compile("policy { holdout 50% }");
        var campaign = new ScheduledCampaign(plan);
        var forecast = Forecast(open: 1, click: 1, conversion: 1, organic: 0.5);
        var ids = Enumerable.Range(0, 400).Select(i => $"C{i:D7}").ToList();
        var controls = ids.Where(campaign.IsControl).SelectMany(id => Run(plan, forecast, id)).ToList();
        Assert.NotEmpty(controls);
        Assert.DoesNotContain(controls, r => r.Status is TimelineStatus.Opened or TimelineStatus.Clicked or TimelineStatus.Sent);
        var organic = controls.Where(r => r.Status == TimelineStatus.Converted).ToList();
        Assert.NotEmpty(organic);
        Assert.All(organic, r => Assert.Equal(TimelineReasons.Organic, r.Reason));
    }

    [Fact]
    public async Task The_summary_compares_treated_and_holdout_reactivation_with_intervals()
    {
        var plan = Compile("policy {\n holdout 50%\n goal purchase within 30d\n }");
        var source = new MemoryContactSource(Enumerable.Range(0, 2000).Select(i => Plans.Subscriber($"C{i:D7}", "UTC")), []);
        var forecast = Forecast(open: 0.5, conversion: 0.2, organic: 0.05);
        var summary = await CampaignSimulator.RunAsync([plan], source, SimulationPeriod.FromDays(Plans.Start, 60), _ => { }, null, forecast);
        var result = Assert.Single(summary.Forecast!.Campaigns);
        Assert.Equal(2000, result.Treated + result.Control);
        Assert.InRange(result.Control, 900, 1100);
        Assert.InRange(result.ControlRate.Estimate, 0.03, 0.07);
        Assert.True(result.TreatedRate.Estimate > result.ControlRate.Estimate + 0.1, $"{result.TreatedRate} vs {result.ControlRate}");
        Assert.True(result.Uplift.Low > 0 && result.Uplift.Low < result.Uplift.Estimate && result.Uplift.Estimate < result.Uplift.High);
        Assert.True(result.TreatedRate.Low < result.TreatedRate.Estimate && result.TreatedRate.Estimate < result.TreatedRate.High);
        Assert.Equal(result.Opens, summary.Stages.Sum(s => s.Opened));
    }

    [Fact]
    public void Wilson_and_Newcombe_intervals_match_the_published_examples()
    {
        var wilson = ProportionInterval.Wilson(10, 100);
        Assert.Equal(0.0552, wilson.Low, 4);
        Assert.Equal(0.1744, wilson.High, 4);

        // Newcombe (1998), example (a): 56/70 against 48/80, difference 0.2 with interval 0.0524 to 0.3339.
        var difference = ProportionInterval.Difference(ProportionInterval.Wilson(56, 70), ProportionInterval.Wilson(48, 80));
        Assert.Equal(0.2, difference.Estimate, 6);
        Assert.Equal(0.0524, difference.Low, 4);
        Assert.Equal(0.3339, difference.High, 4);
    }

    [Fact]
    public void Overrides_that_do_not_fit_the_benchmark_are_refused_naming_the_type_and_stage()
    {
        var rates = ForecastRates.Benchmark.With(new Dictionary<string, RateOverride> { ["reengagement"] = new(Click: 0.16) }, null, out var problem);
        Assert.Null(rates);
        Assert.StartsWith("reengagement: at stage 2", problem, StringComparison.Ordinal);
        Assert.NotNull(ForecastRates.Benchmark.With(new Dictionary<string, RateOverride> { ["reengagement"] = new(Open: 0.5, Click: 0.16) }, null, out _));
    }
}
