using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// Every audience and segment of every example campaign, pushed down to SQL over the example data imported into a
/// store, selects exactly the contacts the in-memory evaluator selects from the same store, at several moments.
/// </summary>
public sealed class ExampleEquivalenceTests
{
    internal static readonly DateTimeOffset[] Moments =
    [
        new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
        new(2026, 1, 1, 12, 30, 0, TimeSpan.Zero),
        new(2025, 11, 20, 0, 0, 0, TimeSpan.Zero),
        new(2026, 3, 1, 23, 0, 0, TimeSpan.Zero),
    ];

    [Fact]
    public async Task Every_audience_and_segment_of_the_examples_selects_the_same_contacts_in_sql_and_in_memory()
    {
        using var folder = new TempFolder();
        await using var store = await ExampleProject.ImportAsync(folder.Combine("examples.db"),
            RepositoryPaths.InRepo("examples", "data", "contacts.csv"), RepositoryPaths.InRepo("examples", "data", "events.csv"));
        var fixture = await PushdownFixture.OpenAsync(store);
        var plans = ExampleProject.Plans();
        Assert.True(plans.Count >= 10, $"{plans.Count} plans");

        var compared = 0;
        var nonTrivial = 0;
        var refused = new List<string>();
        foreach (var plan in plans)
        {
            var segments = EvaluationContext.SegmentsOf(plan);
            var conditions = plan.Segments.Select(s => ($"{plan.Campaign.Name}.{s.Name}", s.Condition)).ToList();
            if (plan.Audience.Where is { } where)
            {
                conditions.Add(($"{plan.Campaign.Name}.audience", where));
            }

            foreach (var (name, condition) in conditions)
            {
                foreach (var now in Moments)
                {
                    var both = await fixture.BothAsync(condition, segments, now, plan.Campaign.TimeZone, reason => refused.Add($"{name}: {reason}"));
                    if (both is not var (sql, memory))
                    {
                        continue;
                    }

                    Assert.True(memory.SequenceEqual(sql), $"{name} at {now:O}: in memory {memory.Count}, in SQL {sql.Count}; differ on {string.Join(", ", memory.Except(sql).Concat(sql.Except(memory)).Take(10))}");
                    compared++;
                    nonTrivial += memory.Count > 0 && memory.Count < fixture.Contacts ? 1 : 0;
                }
            }
        }

        // Only RFM ranks (the style win-back's valuable_once) stay in memory.
        Assert.All(refused, r => Assert.Contains("RFM", r, StringComparison.Ordinal));
        Assert.True(compared >= 40, $"{compared} comparisons");
        Assert.True(nonTrivial >= 20, $"{nonTrivial} comparisons selected some but not all contacts");
    }
}
