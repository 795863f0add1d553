using System.Globalization;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Data;

/// <summary>
/// The real UCI Online Retail export (../shared/data, read in place) loaded through the mapping in
/// examples/campaignc.yaml alone, checked against counts the test computes itself by splitting
/// lines: the last five fields of a line (Quantity .. Country) never hold a comma, so splitting from
/// the right is exact even where Description is quoted.
/// </summary>
public sealed class OnlineRetailTests
{
    private static readonly string Export = Path.Combine(RepositoryPaths.Shared, "data", "online-retail", "online-retail-2010-12_2011-02.csv");

    [Fact]
    public async Task The_export_loads_through_the_example_mapping_and_every_row_is_accounted_for()
    {
        var expected = Independent.Count(Export);
        var configPath = RepositoryPaths.InRepo("examples", "campaignc.yaml");
        var loaded = new ConfigurationLoader(LintRuleRegistry.Empty).Load(configPath, File.ReadAllBytes(configPath), "examples/campaignc.yaml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var data = loaded.Configuration.Runtime.Data!;
        // The export is outside the project, so the configuration names no file: the files come from the command line.
        Assert.Null(data.Get("events"));
        var mapping = ContactSources.ReadMapping(data, MappingLocator.Locate(File.ReadAllText(configPath), "examples/campaignc.yaml"), "examples/campaignc.yaml");

        using var folder = new TempFolder();
        var problems = new DataProblemLog();
        await using var store = await ContactStore.OpenAsync(folder.Combine("retail.db"));
        var result = await DataImporter.RunAsync(store,
            [new ImportFile(Export, "retail.csv", RecordKind.Contacts), new ImportFile(Export, "retail.csv", RecordKind.Events)],
            mapping, DataSchema.From(loaded.Configuration), problems);

        Assert.True(result.Committed);
        Assert.Equal(0, problems.Count);
        var (contacts, events) = (result.Files[0], result.Files[1]);
        Assert.Equal(expected.Rows, contacts.Rows);
        Assert.Equal(expected.Rows, events.Rows);
        Assert.Equal(expected.Guests, events.Skipped);
        Assert.Equal(expected.Guests, contacts.Skipped);
        Assert.Equal(expected.Customers.Count, contacts.Loaded);
        Assert.Equal(expected.Rows - expected.Guests - expected.Customers.Count, contacts.Repeated);
        Assert.Equal(expected.Rows - expected.Guests, events.Loaded);
        Assert.Equal((0L, 0L), (contacts.Bad, events.Bad));

        var source = store.AsSource();
        var ids = new List<string>();
        await foreach (var contact in source.ReadContactsAsync())
        {
            ids.Add(contact.Id);
            Assert.True(contact.Subscribed);
        }

        Assert.Equal(expected.Customers.Order(StringComparer.Ordinal), ids);
        Assert.Equal(DataValue.Text("United Kingdom"), (await FirstContact(source, "17850")).Attributes["country"]);

        long cancellations = 0;
        decimal total = 0, cancelledTotal = 0;
        DateTimeOffset? previous = null;
        await foreach (var e in source.ReadEventsAsync(EventQuery.All))
        {
            Assert.True(previous is null || previous <= e.At);
            previous = e.At;
            total += e.Amount!.Value;
            if (e.Properties["cancelled"] == DataValue.Boolean(true))
            {
                cancellations++;
                cancelledTotal += e.Amount.Value;
                Assert.True(e.Amount < 0, $"cancellation {e.Properties["order_id"]} of {e.ContactId} has amount {e.Amount}");
            }
        }

        Assert.Equal(expected.CustomerCancellations, cancellations);
        Assert.Equal(expected.CustomerTotal, total);
        Assert.Equal(expected.CancelledTotal, cancelledTotal);

        // The first line: 536365 at 2010-12-01 08:26 London (GMT in winter) for 17850.
        var first = await FirstEvent(source, "17850");
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), first.At);
        Assert.Equal(6 * 2.55m, first.Amount);
    }

    [Fact]
    public async Task Importing_the_export_twice_changes_nothing()
    {
        var configPath = RepositoryPaths.InRepo("examples", "campaignc.yaml");
        var loaded = new ConfigurationLoader(LintRuleRegistry.Empty).Load(configPath, File.ReadAllBytes(configPath));
        var data = loaded.Configuration.Runtime.Data!;
        var mapping = ContactSources.ReadMapping(data, new Dictionary<string, MappingOrigin>(), "campaignc.yaml");
        using var folder = new TempFolder();
        await using var store = await ContactStore.OpenAsync(folder.Combine("retail.db"));
        ImportFile[] files = [new(Export, "retail.csv", RecordKind.Contacts), new(Export, "retail.csv", RecordKind.Events)];

        await DataImporter.RunAsync(store, files, mapping, DataSchema.Default, new DataProblemLog());
        var once = await store.CountAsync();
        await DataImporter.RunAsync(store, files, mapping, DataSchema.Default, new DataProblemLog());
        Assert.Equal(once, await store.CountAsync());
    }

    private static async Task<Contact> FirstContact(IContactSource source, string id)
    {
        await foreach (var contact in source.ReadContactsAsync())
        {
            if (contact.Id == id)
            {
                return contact;
            }
        }

        throw new InvalidOperationException($"no contact {id}");
    }

    private static async Task<ContactEvent> FirstEvent(IContactSource source, string id)
    {
        await foreach (var e in source.ReadEventsAsync(EventQuery.ForContact(id)))
        {
            return e;
        }

        throw new InvalidOperationException($"no events for {id}");
    }

    /// <summary>Counts computed without the code under test.</summary>
    private sealed record Independent(long Rows, long Guests, HashSet<string> Customers, long CustomerCancellations, decimal CustomerTotal, decimal CancelledTotal)
    {
        public static Independent Count(string path)
        {
            long rows = 0, guests = 0, cancellations = 0;
            decimal total = 0, cancelled = 0;
            var customers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                rows++;
                var fields = line.Split(',');
                var (quantity, price, customer) = (fields[^5], fields[^3], fields[^2]);
                if (customer.Length == 0)
                {
                    guests++;
                    continue;
                }

                customers.Add(customer.EndsWith(".0", StringComparison.Ordinal) ? customer[..^2] : customer);
                var amount = decimal.Parse(quantity, CultureInfo.InvariantCulture) * decimal.Parse(price, CultureInfo.InvariantCulture);
                total += amount;
                if (line.StartsWith('C'))
                {
                    cancellations++;
                    cancelled += amount;
                }
            }

            return new Independent(rows, guests, customers, cancellations, total, cancelled);
        }
    }
}
