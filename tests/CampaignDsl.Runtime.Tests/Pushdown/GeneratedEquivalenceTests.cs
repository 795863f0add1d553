using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// Property-style: many generated conditions (comparisons of every type pairing, between, in, and/or/not, arithmetic,
/// segments, windows) select the same contacts in SQL and in memory, on the edge-case data and on the example data.
/// </summary>
public sealed class GeneratedEquivalenceTests
{
    private static readonly DateTimeOffset[] EdgeMoments =
    [
        EdgeCaseData.Now,
        EdgeCaseData.Now.AddHours(10),
        EdgeCaseData.Now.AddMilliseconds(-1),
        new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
    ];

    [Fact]
    public async Task Generated_conditions_agree_on_the_edge_case_data()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("edge.db"),
            folder.Write("contacts.csv", EdgeCaseData.Contacts + "\n"), folder.Write("events.csv", EdgeCaseData.Events + "\n"));
        var fixture = await PushdownFixture.OpenAsync(store);
        Assert.Equal(8, fixture.Contacts);
        var (compared, nonTrivial) = await CompareAsync(fixture, new ExpressionGenerator(20260105), 600, EdgeMoments, ["Europe/Amsterdam", null, "Pacific/Kiritimati"]);
        Assert.True(compared >= 1500, $"{compared} comparisons");
        Assert.True(nonTrivial >= 300, $"{nonTrivial} selected some but not all contacts");
    }

    [Fact]
    public async Task The_example_conditions_agree_on_the_edge_case_data()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("edge.db"),
            folder.Write("contacts.csv", EdgeCaseData.Contacts + "\n"), folder.Write("events.csv", EdgeCaseData.Events + "\n"));
        var fixture = await PushdownFixture.OpenAsync(store);
        var compared = 0;
        foreach (var plan in ExampleProject.Plans())
        {
            var segments = EvaluationContext.SegmentsOf(plan);
            foreach (var condition in plan.Segments.Select(s => s.Condition).Append(plan.Audience.Where).OfType<PlanExpression>())
            {
                foreach (var now in EdgeMoments)
                {
                    if (await fixture.BothAsync(condition, segments, now, plan.Campaign.TimeZone) is var (sql, memory))
                    {
                        Assert.Equal(memory, sql);
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared >= 40, $"{compared} comparisons");
    }

    [Fact]
    public async Task Generated_date_arithmetic_agrees_and_selects_someone_on_the_edge_case_data()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("edge.db"),
            folder.Write("contacts.csv", EdgeCaseData.Contacts + "\n"), folder.Write("events.csv", EdgeCaseData.Events + "\n"));
        var fixture = await PushdownFixture.OpenAsync(store);
        var generator = new ExpressionGenerator(20261207);
        var (compared, nonTrivial) = await CompareAsync(fixture, generator, () => generator.MomentCondition(), 700, EdgeMoments, ["Europe/Amsterdam", null, "Pacific/Kiritimati"]);
        Assert.True(compared >= 2000, $"{compared} comparisons");

        // Before date arithmetic was evaluated, every such condition selected nobody.
        Assert.True(nonTrivial >= compared / 4, $"{nonTrivial} of {compared} selected some but not all contacts");
    }

    [Fact]
    public async Task Generated_conditions_agree_on_the_example_data()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("examples.db"),
            RepositoryPaths.InRepo("examples", "data", "contacts.csv"), RepositoryPaths.InRepo("examples", "data", "events.csv"));
        var fixture = await PushdownFixture.OpenAsync(store);
        var (compared, nonTrivial) = await CompareAsync(fixture, new ExpressionGenerator(42), 300, [ExampleEquivalenceTests.Moments[0]], ["Europe/Amsterdam"]);
        Assert.True(compared >= 300, $"{compared} comparisons");
        Assert.True(nonTrivial >= 40, $"{nonTrivial} selected some but not all contacts");
    }

    private static Task<(int Compared, int NonTrivial)> CompareAsync(
        PushdownFixture fixture, ExpressionGenerator generator, int count, DateTimeOffset[] moments, string?[] zones) =>
        CompareAsync(fixture, generator, () => generator.Condition(), count, moments, zones);

    internal static async Task<(int Compared, int NonTrivial)> CompareAsync(
        PushdownFixture fixture, ExpressionGenerator generator, Func<PlanExpression> next, int count, DateTimeOffset[] moments, string?[] zones)
    {
        var (compared, nonTrivial) = (0, 0);
        for (var i = 0; i < count; i++)
        {
            var condition = next();
            foreach (var now in moments)
            {
                foreach (var zone in zones)
                {
                    var both = await fixture.BothAsync(condition, generator.Segments, now, zone, reason => Assert.Fail($"not pushed down: {reason}"));
                    var (sql, memory) = both!.Value;
                    Assert.True(memory.SequenceEqual(sql),
                        $"#{i} at {now:O} in {zone}: memory [{string.Join(",", memory)}], SQL [{string.Join(",", sql)}]\n{System.Text.Json.JsonSerializer.Serialize<PlanExpression>(condition)}");
                    compared++;
                    nonTrivial += memory.Count > 0 && memory.Count < fixture.Contacts ? 1 : 0;
                }
            }
        }

        return (compared, nonTrivial);
    }
}
