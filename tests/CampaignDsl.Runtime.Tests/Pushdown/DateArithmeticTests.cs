using System.Collections.Frozen;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// The two conditions of the issue that type-checked and then matched nobody: a moment moved by a duration, and the
/// time between two moments compared with a duration. Each must select the same contacts as an equivalent condition
/// written without arithmetic, in memory and in SQL.
/// </summary>
public sealed class DateArithmeticTests
{
    private static readonly FrozenDictionary<string, PlanSegment> NoSegments = FrozenDictionary<string, PlanSegment>.Empty;

    [Fact]
    public async Task A_moment_moved_by_a_duration_and_the_time_between_two_moments_select_as_their_plain_equivalents()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("examples.db"),
            RepositoryPaths.InRepo("examples", "data", "contacts.csv"), RepositoryPaths.InRepo("examples", "data", "events.csv"));
        var fixture = await PushdownFixture.OpenAsync(store);
        var now = ExampleEquivalenceTests.Moments[0];

        // created_at + 1d > 2020-01-01  ==  created_at > 2019-12-31 (by local date)
        var createdAt = new AttributeReference("a", "created_at", "date");
        var moved = new Comparison("c", "gt", new Arithmetic("p", "add", createdAt, new DurationLiteral("d", 86400)), new DateLiteral("l", "2020-01-01"));
        var plain = new Comparison("c", "gt", createdAt, new DateLiteral("l", "2019-12-31"));
        await AssertSameAsync(fixture, moved, plain, now, expectSome: true);

        // last purchase - first(purchase) >= 0d  ==  count(purchase) >= 1
        var between = new Comparison("c", "ge",
            new Arithmetic("m", "subtract", new EventAggregate("l", "last", "purchase", null, null), new EventAggregate("f", "first", "purchase", null, null)),
            new DurationLiteral("z", 0));
        var buyers = new Comparison("c", "ge", new EventAggregate("n", "count", "purchase", null, null), new NumberLiteral("one", 1));
        await AssertSameAsync(fixture, between, buyers, now, expectSome: true);
    }

    private static async Task AssertSameAsync(PushdownFixture fixture, PlanExpression arithmetic, PlanExpression plain, DateTimeOffset now, bool expectSome)
    {
        var (sql, memory) = (await fixture.BothAsync(arithmetic, NoSegments, now, "Europe/Amsterdam", reason => Assert.Fail(reason)))!.Value;
        var (_, expected) = (await fixture.BothAsync(plain, NoSegments, now, "Europe/Amsterdam"))!.Value;
        Assert.Equal(expected, memory);
        Assert.Equal(expected, sql);
        Assert.Equal(expectSome, expected.Count > 0);
    }
}
