using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Data;

/// <summary>Column mappings: renames, constants, computed fields and filters in the language's expression syntax.</summary>
public sealed class MappingTests
{
    private const string Orders =
        "Order No,Qty,Price,When,Customer,Country\n" +
        "A1,2,2.50,03/31/2024 01:30,17850.0,UK\n" +
        "C2,-1,4.00,10/27/2024 01:30,17850.0,UK\n" +
        "A3,1,1.00,01/02/2024 10:00,,UK\n" +
        "A4,x,1.00,01/02/2024 10:00,12,UK\n" +
        "A5,1,1.00,2024-01-02,13,Unspecified\n";

    private static DataMapping OrdersMapping(params (string, string)[] extra) => DataFiles.Mapping(
        [
            ("timestamps.zone", "Europe/London"),
            ("timestamps.format", "MM/dd/yyyy HH:mm"),
            ("events.where", "Customer != \"\" and Country != \"Unspecified\""),
            ("events.contact_id", "Customer"),
            ("events.type", "purchase"),
            ("events.at", "When"),
            ("events.amount", "Qty * Price"),
            ("events.order_id", "column(\"Order No\")"),
            ("events.cancelled", "starts_with(column(\"Order No\"), \"C\")"),
            .. extra,
        ]);

    [Fact]
    public async Task Computed_renamed_constant_and_filtered_fields()
    {
        using var folder = new TempFolder();
        var (outcomes, _) = await DataFiles.ReadEventsAsync(folder.Write("orders.csv", Orders), OrdersMapping());

        var first = outcomes[0].Value!;
        Assert.Equal("17850", first.ContactId);
        Assert.Equal("purchase", first.Type);
        Assert.Equal(5.00m, first.Amount);
        Assert.Equal(DataValue.Text("A1"), first.Properties["order_id"]);
        Assert.Equal(DataValue.Boolean(false), first.Properties["cancelled"]);

        var cancellation = outcomes[1].Value!;
        Assert.Equal(-4.00m, cancellation.Amount);
        Assert.Equal(DataValue.Boolean(true), cancellation.Properties["cancelled"]);

        Assert.Equal("Customer != \"\" and Country != \"Unspecified\"", outcomes[2].SkippedBy);
        Assert.Contains("`Qty` is 'x', not a number", outcomes[3].Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(5, outcomes[3].Problem!.Line);
        Assert.NotNull(outcomes[4].SkippedBy);
    }

    [Fact]
    public async Task Naive_timestamps_take_the_configured_zone_across_daylight_saving_changes()
    {
        using var folder = new TempFolder();
        var (outcomes, _) = await DataFiles.ReadEventsAsync(folder.Write("orders.csv", Orders), OrdersMapping());

        // 31 March 2024 01:30 London does not exist (clocks go 01:00 -> 02:00): moved forward to 02:30 BST = 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.Zero), outcomes[0].Value!.At);
        // 27 October 2024 01:30 London happens twice: the first (BST, +01:00) is taken.
        Assert.Equal(new DateTimeOffset(2024, 10, 27, 0, 30, 0, TimeSpan.Zero), outcomes[1].Value!.At);
    }

    [Fact]
    public async Task A_type_that_names_a_column_reads_the_column()
    {
        using var folder = new TempFolder();
        var path = folder.Write("activity.csv", "who,kind,when\n1,email.open,2024-01-01\n2,visit,2024-01-02\n");
        var mapping = DataFiles.Mapping(("events.contact_id", "who"), ("events.type", "kind"), ("events.at", "when"));
        var (outcomes, _) = await DataFiles.ReadEventsAsync(path, mapping);
        Assert.Equal(["email.open", "visit"], outcomes.Select(o => o.Value!.Type));
    }

    [Theory]
    [InlineData("events.amount", "Qty * Prise", "did you mean `Price`?", 16)]
    [InlineData("events.amount", "Qty * ", "", 15)]
    [InlineData("events.amount", "sum(Qty)", "no function `sum`", 10)]
    [InlineData("events.amount", "last purchase", "one row at a time", 10)]
    [InlineData("events.cancelled", "starts_with(InvoiceNo)", "takes 2 argument(s)", 10)]
    public async Task A_mapping_that_does_not_fit_the_file_is_refused_with_the_place_in_campaignc_yaml(string key, string text, string message, int column)
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.csv", Orders);
        var mapping = DataFiles.Mapping(("events.contact_id", "Customer"), ("events.type", "purchase"), ("events.at", "When"), (key, text));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => DataFiles.ReadEventsAsync(path, mapping));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("campaignc.yaml", problem.Path);
        Assert.Equal(4, problem.Line);
        Assert.Equal(column, problem.Column);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_zones_and_formats_are_reported_where_they_are_written()
    {
        var problems = new List<DataProblem>();
        DataMapping.Read(
            [
                new MappingEntry("contact.id", "x", new MappingOrigin("campaignc.yaml", 3, 7)),
                new MappingEntry("timestamps.zone", "Europe/Londn", new MappingOrigin("campaignc.yaml", 4, 9)),
                new MappingEntry("timestamps.format", "HH:mm", new MappingOrigin("campaignc.yaml", 5, 9)),
            ],
            problems);
        Assert.Equal([3, 4, 5], problems.Select(p => p.Line));
    }

    [Fact]
    public async Task A_mapping_without_a_required_field_says_which()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.csv", Orders);
        var mapping = DataFiles.Mapping(("events.contact_id", "Customer"), ("events.type", "purchase"));
        var error = await Assert.ThrowsAsync<DataSourceException>(() => DataFiles.ReadEventsAsync(path, mapping));
        Assert.Contains("no `at`", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("17850.0", "17850")]
    [InlineData(" 42 ", "42")]
    [InlineData("-3.00", "-3")]
    [InlineData("17850.5", "17850.5")]
    [InlineData("A-17.0", "A-17.0")]
    [InlineData("0012", "0012")]
    public void Float_text_ids_are_normalised_and_others_kept(string written, string expected) =>
        Assert.Equal(expected, ContactIds.Normalize(written));

    [Fact]
    public async Task Functions_compute_contact_attributes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("people.csv", "Customer No,Mail,Spend,Member\n7.0, Ann@Shop.Example ,12.345,Y\n");
        var mapping = DataFiles.Mapping(
            ("contacts.id", "column(\"Customer No\")"),
            ("contacts.email", "lower(trim(Mail))"),
            ("contacts.lifetime_value", "round(Spend, 2)"),
            ("contacts.vip", "if(Spend > 10, true, false)"),
            ("contacts.subscribed", "Member"),
            ("contacts.tier", "if(Spend between 10 and 20, \"silver\", \"bronze\")"));
        var (outcomes, _) = await DataFiles.ReadContactsAsync(path, mapping);

        var contact = outcomes.Single().Value!;
        Assert.Equal("7", contact.Id);
        Assert.Equal("ann@shop.example", contact.Email);
        Assert.True(contact.Subscribed);
        Assert.Equal(DataValue.Number(12.35m), contact.Attributes["lifetime_value"]);
        Assert.Equal(DataValue.Boolean(true), contact.Attributes["vip"]);
        Assert.Equal(DataValue.Text("silver"), contact.Attributes["tier"]);
    }
}
