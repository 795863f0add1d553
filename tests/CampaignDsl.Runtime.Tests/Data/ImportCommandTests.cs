using Campaignc.Commands;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Data;

/// <summary><c>campaignc import</c>: summary, bad rows with file and line, exit codes 0/1/2.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task Canonical_files_import_with_a_summary_and_bad_rows_on_stderr()
    {
        using var folder = new TempFolder();
        var contacts = folder.Write("contacts.csv", "id,email,subscribed\n1,a@x.example,true\n2,b@x.example,false\n");
        var events = folder.Write("events.csv", "contact_id,type,at,amount\n1,purchase,2024-01-01T10:00:00Z,10\n2,purchase,not a date,5\n");
        var (code, stdout, stderr) = await Run([contacts, events], folder.Combine("store.db"));

        Assert.Equal(0, code);
        Assert.Contains("events.csv(3): error: event at:", stderr, StringComparison.Ordinal);
        Assert.Contains("2 contacts and 1 events", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_makes_a_bad_row_fatal()
    {
        using var folder = new TempFolder();
        var events = folder.Write("events.csv", "contact_id,type,at\n1,visit,2024-01-01\n");
        var contacts = folder.Write("contacts.csv", "id\n1\n");
        var (code, _, stderr) = await Run([contacts, events], folder.Combine("store.db"), strict: true);
        Assert.Equal(0, code);

        var bad = folder.Write("bad.csv", "contact_id,type,at\n1,visit,2024-13-01\n");
        (code, _, stderr) = await Run([bad], folder.Combine("store.db"), strict: true);
        Assert.Equal(1, code);
        Assert.Contains("bad.csv(2)", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_error_points_into_campaignc_yaml_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("orders.csv", "Customer,When,Qty\n1,2024-01-01,2\n");
        var config = folder.Write("campaignc.yaml", """
            version: 1
            runtime:
              data:
                kind: csv
                contacts: orders.csv
                events: orders.csv
                mapping:
                  contacts:
                    id: Customer
                  events:
                    contact_id: Customer
                    type: purchase
                    at: When
                    amount: Qty * Price
            """);
        var (code, _, stderr) = await Run([config], folder.Combine("store.db"));
        Assert.Equal(1, code);
        Assert.Contains("campaignc.yaml(14,23): error: in `amount: Qty * Price`: the file has no column `Price`", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_and_unrecognised_headers_are_usage_errors()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, (await Run([folder.Combine("nope.csv")], folder.Combine("store.db"))).Code);
        var odd = folder.Write("odd.csv", "a,b\n1,2\n");
        Assert.Equal(2, (await Run([odd], folder.Combine("store.db"))).Code);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string[] from, string into, bool strict = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ImportCommand.RunAsync(from, into, strict, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
