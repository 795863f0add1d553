using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Plan expressions over one contact's history at an instant: each kind of node, and unknowns that never match.</summary>
public sealed class ExpressionEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static bool Holds(string where, Contact contact, IEnumerable<ContactEvent>? events = null, RfmPopulation? rfm = null)
    {
        var plan = Plans.Compile($$"""
            segment big = sum(purchase.amount) >= 100
            campaign t {
              type reengagement
              audience { where {{where}} }
              stage one { send email BODY subject "x" }
            }
            """);
        var context = new EvaluationContext(new ContactHistory(contact, events ?? []), Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"),
            EvaluationContext.SegmentsOf(plan), rfm ?? RfmPopulation.Empty);
        return ExpressionEvaluator.Holds(plan.Audience.Where!, context);
    }

    private static readonly Contact Ann = Plans.Subscriber() with
    {
        Attributes = DataValues.None.Add("vip", DataValue.Boolean(true)).Add("style", DataValue.Text("chic")).Add("lifetime_value", DataValue.Number(250m)),
    };

    private static readonly ContactEvent[] History =
    [
        Plans.Event("c1", "purchase", "2025-10-01T10:00:00Z", 80m),
        Plans.Event("c1", "purchase", "2026-02-20T10:00:00Z", 40m),
        Plans.Event("c1", "email.open", "2025-11-15T08:00:00Z"),
        Plans.Event("c1", "purchase", "2026-04-01T10:00:00Z", 999m), // after now: does not exist yet
    ];

    [Theory]
    [InlineData("subscribed", true)]
    [InlineData("not subscribed", false)]
    [InlineData("vip and lifetime_value > 200", true)]
    [InlineData("style in [\"chic\", \"trendy\"]", true)]
    [InlineData("style not in [\"chic\"]", false)]
    [InlineData("lifetime_value between 250 and 300", true)]
    [InlineData("lifetime_value not between 0 and 100", true)]
    [InlineData("vip or not subscribed", true)]
    public void Attributes_comparisons_and_logic(string where, bool expected) => Assert.Equal(expected, Holds(where, Ann, History));

    [Theory]
    [InlineData("count(purchase) == 2", true)]
    [InlineData("count(purchase in 30d) == 1", true)]
    [InlineData("sum(purchase.amount) == 120", true)]
    [InlineData("avg(purchase.amount) == 60", true)]
    [InlineData("max(purchase.amount in 30d) == 40", true)]
    [InlineData("days_since(last purchase) == 9", true)]
    [InlineData("days_since(last email.open) between 90 and 365", true)]
    [InlineData("big", true)]
    public void Event_aggregates_see_only_the_past(string where, bool expected) => Assert.Equal(expected, Holds(where, Ann, History));

    [Fact]
    public void Unknown_values_never_match_either_way()
    {
        var nobody = new Contact("c2");
        Assert.False(Holds("days_since(last purchase) > 30", nobody));
        Assert.False(Holds("days_since(last purchase) <= 30", nobody));
        Assert.False(Holds("lifetime_value > 0", nobody));
    }

    [Fact]
    public void Rfm_quintiles_rank_against_the_population()
    {
        var population = new RfmPopulation(Now.AddDays(-30));
        for (var spend = 1; spend <= 100; spend++)
        {
            population.Add(new RfmMeasures(Now.AddDays(-40), 1, spend));
        }

        RfmMeasures Spent(decimal spend) => new(Now.AddDays(-40), 1, spend);
        Assert.Equal(5, population.Score("monetary", Spent(95), null, Now));
        Assert.Equal(1, population.Score("monetary", Spent(5), null, Now));
        Assert.Equal(3, population.Score("monetary", Spent(50), null, Now));
        Assert.Equal(1, population.Score("monetary", new RfmMeasures(null, 0, 0), null, Now));
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              stage one { when rfm.monetary >= 4 send email BODY subject "x" }
            }
            """);
        bool Ranks(decimal spend) => ExpressionEvaluator.Holds(plan.Stages[0].Conditions[0].Condition, new EvaluationContext(
            new ContactHistory(Ann, [Plans.Event("c1", "purchase", "2026-01-01T10:00:00Z", spend)]), Now, TimeZoneInfo.Utc, EvaluationContext.SegmentsOf(plan), population));
        Assert.True(Ranks(90m));
        Assert.False(Ranks(30m));
    }

    [Fact]
    public void Behaviour_tests_look_at_events_since_the_stage_ran()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              stage one { send email BODY subject "x" }
              stage two after 3d { when opened(one) send email BODY subject "y" }
            }
            """);
        var enrollment = new Enrollment("t", Now.AddDays(-5), control: false);
        enrollment.MarkRun("one", Now.AddDays(-5));
        var condition = plan.Stages[1].Conditions[0].Condition;
        var zone = TimeZoneInfo.Utc;
        bool At(IEnumerable<ContactEvent> events) =>
            ExpressionEvaluator.Holds(condition, new EvaluationContext(new ContactHistory(Ann, events), Now, zone, EvaluationContext.SegmentsOf(plan), RfmPopulation.Empty, enrollment));

        Assert.False(At(History));
        Assert.True(At([.. History, Plans.Event("c1", "email.open", "2026-02-27T09:00:00Z")]));
        Assert.False(At([Plans.Event("c1", "email.open", "2026-03-02T09:00:00Z")]));
    }
}
