using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// The Stone's style win-back (examples/winback-style) against the real Online Retail export, imported through the
/// mapping in examples/campaignc.yaml: the contacts the simulation enters are the customers the test finds by
/// reading the CSV itself and applying the audience by hand, and the SQL push-down finds the same ones.
/// </summary>
public sealed class OnlineRetailWinbackTests
{
    private static readonly string Export = Path.Combine(RepositoryPaths.Shared, "data", "online-retail", "online-retail-2010-12_2011-02.csv");

    // The export spans 2010-12-01 .. 2011-02-28. Daily checks from 2012-06-01 for 30 days reach back 549 days to
    // 2010-12-01 .. 2010-12-30, so the customers who last bought in early December lapse into the audience.
    private static readonly SimulationPeriod Period = SimulationPeriod.FromDays(new DateTimeOffset(2012, 6, 1, 0, 0, 0, TimeSpan.Zero), 30);

    [Fact]
    public async Task The_winback_enters_exactly_the_customers_the_test_computes_and_sql_finds_them_too()
    {
        var expected = LapsedCustomers(Export, Period);
        Assert.InRange(expected.Count, 50, 1500);

        using var folder = new TempFolder();
        await using var store = await ImportAsync(folder.Combine("retail.db"));
        var plans = ExampleProject.Plans().Where(p => p.Campaign.Name is "stone_style_winback" or "nurture_returners").ToList();
        var winback = plans.Single(p => p.Campaign.Name == "stone_style_winback");
        Assert.Equal(EntryModes.Daily, winback.Audience.Entry.Mode);

        var rows = new List<TimelineEntry>();
        var summary = await CampaignSimulator.RunAsync(plans, store.AsSource(), Period, rows.Add);
        var entered = rows.Where(r => r.Campaign == "stone_style_winback").Select(r => r.ContactId).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected.Count, summary.Entered("stone_style_winback"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), entered.Order(StringComparer.Ordinal));

        var pushed = await SnapshotAudience.FindAsync(store, winback, Period);
        Assert.True(pushed.PushedDown, pushed.NotTranslatable);
        Assert.Equal(expected.Order(StringComparer.Ordinal), pushed.ContactIds.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The audience by hand: subscribed (the mapping makes every customer so), at least one purchase, and on some
    /// simulated midnight more than 548 whole days since the last one. Every invoice line of a customer is a
    /// purchase, cancellations too; InvoiceDate is London time, which is GMT from December to February.
    /// </summary>
    private static HashSet<string> LapsedCustomers(string path, SimulationPeriod period)
    {
        var last = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // The last five fields (Quantity .. Country) never hold a comma, so splitting from the right is exact.
            var fields = line.Split(',');
            var customer = fields[^2];
            if (customer.Length == 0)
            {
                continue;
            }

            customer = customer.EndsWith(".0", StringComparison.Ordinal) ? customer[..^2] : customer;
            var at = DateTime.ParseExact(fields[^4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.True(at.Month is 12 or 1 or 2, $"{at} is outside winter time");
            last[customer] = last.TryGetValue(customer, out var seen) && seen > at ? seen : at;
        }

        var lastCheck = period.End.UtcDateTime.AddDays(-1);
        return [.. last.Where(c => (lastCheck - c.Value).TotalDays >= 549).Select(c => c.Key)];
    }

    private static async Task<ContactStore> ImportAsync(string path)
    {
        var configuration = ExampleProject.Configuration();
        var data = configuration.Runtime.Data!;
        var mapping = ContactSources.ReadMapping(data, MappingLocator.Locate(File.ReadAllText(ExampleProject.ConfigPath), "examples/campaignc.yaml"), "examples/campaignc.yaml");
        var store = await ContactStore.OpenAsync(path);
        var problems = new DataProblemLog();
        var result = await DataImporter.RunAsync(store,
            [new ImportFile(Export, "retail.csv", RecordKind.Contacts), new ImportFile(Export, "retail.csv", RecordKind.Events)],
            mapping, DataSchema.From(configuration), problems);
        Assert.True(result.Committed);
        Assert.Equal(0, problems.Count);
        return store;
    }
}
