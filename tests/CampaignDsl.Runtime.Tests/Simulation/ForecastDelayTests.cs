using System.Text.RegularExpressions;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation.Forecast;
using CampaignDsl.Runtime.Tests.Scheduling;

namespace CampaignDsl.Runtime.Tests.Simulation;

/// <summary>The forecast's documented delay ranges are hard bounds, and docs/runtime.md states the ranges the code uses.</summary>
public sealed partial class ForecastDelayTests
{
    private static readonly CampaignPlan Plan = Plans.Compile("""
        campaign t {
          type reengagement
          audience { where subscribed }
          stage one { send email BODY subject "x" }
        }
        """);

    private static BenchmarkForecast Forecast(double open, double click, double conversion, double unsubscribe, long seed) =>
        new(ForecastRates.Benchmark.With(
            new Dictionary<string, RateOverride> { ["reengagement"] = new(open, click, conversion, unsubscribe) }, 0, out var problem)
            ?? throw new InvalidOperationException(problem), seed);

    [Theory]
    [InlineData(1.0, 0.5, 0.5, 0.3)]
    [InlineData(0.5, 0.25, 0.25, 0.5)]
    public void Every_reaction_of_many_sends_and_seeds_lies_inside_its_documented_range(double open, double click, double conversion, double unsubscribe)
    {
        var random = new Random(10);
        var largest = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var checkedReactions = 0;
        for (var seed = 1; seed <= 20; seed++)
        {
            var forecast = Forecast(open, click, conversion, unsubscribe, seed);
            for (var i = 0; i < 1_500; i++)
            {
                var at = Plans.Start.AddSeconds(random.Next(0, 60 * 86_400));
                var send = new ForecastSend(Plan, Plan.Stages[0], random.Next(1, 7), Plan.Stages[0].Actions.Sends[0], $"C{i:D7}", at);
                var reactions = forecast.Reactions(send);
                var opened = reactions.SingleOrDefault(e => e.Type == "email.open")?.At;
                var clicked = reactions.SingleOrDefault(e => e.Type == "email.click")?.At;
                foreach (var reaction in reactions)
                {
                    var (range, from, name) = reaction.Type switch
                    {
                        "email.open" => (ReactionDelays.Open, at, "open after the send"),
                        "email.click" => (ReactionDelays.Click, opened!.Value, "click after the open"),
                        "purchase" => (ReactionDelays.Purchase, opened!.Value, "purchase after the open"),
                        "email.unsubscribe" when opened is { } o => (ReactionDelays.UnsubscribeAfterOpen, o, "unsubscribe after the open"),
                        _ => (ReactionDelays.UnsubscribeUnopened, at, "unsubscribe after the send"),
                    };
                    var delay = reaction.At - from;
                    Assert.True(range.Contains(delay), $"seed {seed}, contact {send.ContactId}: {name} {delay} is outside {range}");
                    largest[name] = delay > largest.GetValueOrDefault(name) ? delay : largest.GetValueOrDefault(name);
                    if (reaction.Type == "purchase" && clicked is { } c)
                    {
                        Assert.True(ReactionDelays.Purchase.Contains(reaction.At - c), $"seed {seed}, contact {send.ContactId}: purchase {reaction.At - c} after the click");
                    }

                    Assert.InRange(reaction.At, at.AddTicks(1), at + forecast.ReactionWindow);
                    checkedReactions++;
                }
            }
        }

        // The draws reach the top of each range, so the bounds were tested where they can break.
        Assert.True(checkedReactions > 20_000, $"only {checkedReactions} reactions");
        Assert.True(largest["open after the send"] > ReactionDelays.Open.Max - TimeSpan.FromMinutes(30), $"largest open delay {largest["open after the send"]}");
        Assert.True(largest["purchase after the open"] > ReactionDelays.Purchase.Max - TimeSpan.FromMinutes(30), $"largest purchase delay {largest["purchase after the open"]}");
        Assert.True(largest["click after the open"] > ReactionDelays.Click.Max - TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void The_reaction_window_holds_the_latest_reactions()
    {
        Assert.True(ReactionDelays.ReactionWindow >= ReactionDelays.Open.Max + ReactionDelays.Purchase.Max);
        Assert.True(ReactionDelays.ReactionWindow >= ReactionDelays.Open.Max + ReactionDelays.UnsubscribeAfterOpen.Max);
        Assert.True(ReactionDelays.ReactionWindow >= ReactionDelays.UnsubscribeUnopened.Max);
    }

    [Fact]
    public void Docs_state_the_ranges_the_forecast_uses()
    {
        var docs = Spaces().Replace(File.ReadAllText(RepositoryPaths.InRepo("docs", "runtime.md")), " ");
        Assert.Contains($"an open {ReactionDelays.Open} after the send", docs, StringComparison.Ordinal);
        Assert.Contains($"a click {ReactionDelays.Click} after the open", docs, StringComparison.Ordinal);
        Assert.Contains($"a purchase {ReactionDelays.Purchase} after the open, and at least {new DelayRange(ReactionDelays.Purchase.Min, ReactionDelays.Purchase.Min)} after the click", docs, StringComparison.Ordinal);
        Assert.Contains($"an unsubscribe {ReactionDelays.UnsubscribeAfterOpen} after the open, or {ReactionDelays.UnsubscribeUnopened} after the send when unopened", docs, StringComparison.Ordinal);
        Assert.Contains($"within {ReactionDelays.ReactionWindow.TotalHours} hours (the reaction window)", docs, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
