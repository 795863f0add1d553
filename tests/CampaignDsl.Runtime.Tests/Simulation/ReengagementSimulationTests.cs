using System.Globalization;
using Campaignc.Commands;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Simulation;

/// <summary>The re-engagement example on the bundled example data, end to end, checked against an independent computation.</summary>
public sealed class ReengagementSimulationTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static string Contacts => RepositoryPaths.InRepo("examples", "data", "contacts.csv");
    private static string Events => RepositoryPaths.InRepo("examples", "data", "events.csv");
    private static string Plan => RepositoryPaths.InRepo("examples", "reengagement", "we_miss_you.plan.json");

    private static CsvContactSource Csv() => new(Contacts, Events, DataMapping.None, DataSchema.Default, new DataProblemLog());

    private static async Task<(SimulationSummary, List<TimelineEntry>)> SimulateAsync(IContactSource source)
    {
        var plan = PlanReader.ReadFile(Plan).Plan!;
        var rows = new List<TimelineEntry>();
        var summary = await CampaignSimulator.RunAsync([plan], source, SimulationPeriod.FromDays(Start, 60), rows.Add);
        return (summary, rows);
    }

    [Fact]
    public async Task The_audience_matches_an_independent_computation_and_every_rule_holds()
    {
        await using var source = Csv();
        var (summary, rows) = await SimulateAsync(source);

        // Independently: subscribed, last open 90-365 days ago and no purchase in the last 90 days, on some simulated day.
        var contacts = await source.ReadContactsAsync().ToListAsync();
        var events = await source.ReadEventsAsync(EventQuery.All with { Order = EventOrder.AsStored }).ToListAsync();
        var expected = contacts.Where(c => c.Subscribed && Enumerable.Range(0, 60).Select(d => Start.AddDays(d)).Any(now =>
        {
            var mine = events.Where(e => e.ContactId == c.Id && e.At <= now).ToList();
            var lastOpen = mine.Where(e => e.Type == "email.open").Select(e => (DateTimeOffset?)e.At).Max();
            var days = lastOpen is { } open ? Math.Floor((now - open).TotalDays) : -1;
            return days is >= 90 and <= 365 && !mine.Any(e => e.Type == "purchase" && e.At > now.AddDays(-90));
        })).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.ContactId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, summary.Entered("we_miss_you"));
        Assert.Equal(contacts.Count, summary.Contacts);

        var sent = rows.Where(r => r.Status == TimelineStatus.Sent).ToList();
        Assert.All(sent, r => Assert.InRange(TimeOnly.FromDateTime(r.AtLocal), new TimeOnly(9, 0), new TimeOnly(19, 59, 59)));
        Assert.All(sent.GroupBy(r => r.ContactId), g =>
        {
            var times = g.Select(r => r.AtUtc).Order().ToList();
            for (var i = 2; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 2] >= TimeSpan.FromDays(7), $"{g.Key}: three sends within 7 days");
            }
        });

        var control = rows.Where(r => r.Status == TimelineStatus.Holdout).Select(r => r.ContactId).Distinct().Count();
        Assert.InRange(control, 1, expected.Count / 4);
        Assert.DoesNotContain(rows, r => r.Status == TimelineStatus.Sent && rows.Any(h => h.ContactId == r.ContactId && h.Status == TimelineStatus.Holdout));
        Assert.Equal(2, sent.Where(r => r.Stage == "recognition").Select(r => r.SubjectVariant).Distinct().Count());
        Assert.Contains(sent, r => r.Stage == "incentive" && r.Incentive is not null);
    }

    [Fact]
    public async Task A_sorted_source_gives_the_same_timeline_as_the_csv_files()
    {
        List<Contact> contacts;
        List<ContactEvent> events;
        await using (var csv = Csv())
        {
            contacts = await csv.ReadContactsAsync().ToListAsync();
            events = await csv.ReadEventsAsync(EventQuery.All with { Order = EventOrder.AsStored }).ToListAsync();
        }

        await using var fromCsv = Csv();
        await using var fromMemory = new MemoryContactSource(contacts, events);
        var (_, expected) = await SimulateAsync(fromCsv);
        var (_, actual) = await SimulateAsync(fromMemory);
        Assert.Equal(expected.OrderBy(r => r.ContactId, StringComparer.Ordinal).ThenBy(r => r.AtUtc), actual.OrderBy(r => r.ContactId, StringComparer.Ordinal).ThenBy(r => r.AtUtc));
    }

    [Fact]
    public async Task The_command_compiles_simulates_and_writes_the_timeline()
    {
        using var folder = new TempFolder();
        var output = folder.Combine("timeline.csv");
        var campaigns = new[] { RepositoryPaths.InRepo("examples", "reengagement", "we_miss_you.campaign"), RepositoryPaths.InRepo("examples", "nurture", "nurture_returners.campaign") };
        var (code, stdout, stderr) = await RunAsync([.. campaigns], [Contacts, Events], output);

        Assert.True(code == 0, stderr);
        Assert.Contains("we_miss_you", stdout, StringComparison.Ordinal);
        Assert.Contains("recognition", stdout, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(string.Join(',', TimelineWriter.Columns), lines[0]);
        // The example data holds no engagement after the start, so nobody responds: every finisher is
        // suppressed as the policy says, and nobody is handed off to nurture.
        Assert.Contains(lines, l => l.Contains(",we_miss_you,,final,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",handoff,", StringComparison.Ordinal));

        // The same run as JSON Lines: one object per row.
        var jsonl = folder.Combine("timeline.jsonl");
        (code, _, stderr) = await RunAsync([.. campaigns], [Contacts, Events], jsonl);
        Assert.True(code == 0, stderr);
        Assert.Equal(lines.Length - 1, (await File.ReadAllLinesAsync(jsonl)).Length);
    }

    [Fact]
    public async Task Data_can_come_from_a_campaignc_yaml()
    {
        using var folder = new TempFolder();
        // The data files sit in the project, as every file campaignc.yaml names must (docs/security.md).
        File.Copy(Contacts, folder.Combine("contacts.csv"));
        File.Copy(Events, folder.Combine("events.csv"));
        var yaml = folder.Write("campaignc.yaml", "version: 1\nruntime:\n  data:\n    kind: csv\n    contacts: contacts.csv\n    events: events.csv\n");
        var output = folder.Combine("timeline.csv");
        var (code, stdout, stderr) = await RunAsync([Plan], [yaml], output);
        Assert.True(code == 0, stderr);
        Assert.Contains("we_miss_you:", stdout, StringComparison.Ordinal);
        Assert.True((await File.ReadAllLinesAsync(output)).Length > 100);

        var empty = folder.Write("other/campaignc.yaml", "version: 1\n");
        (code, _, stderr) = await RunAsync([Plan], [empty], null);
        Assert.Equal(2, code);
        Assert.Contains("no runtime.data", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13-01", 60, "timeline.csv", 2)]
    [InlineData("2026-01-05", 0, "timeline.csv", 2)]
    [InlineData("2026-01-05", 60, "timeline.txt", 2)]
    public async Task Bad_options_are_usage_errors(string start, int days, string output, int expected)
    {
        using var folder = new TempFolder();
        var (code, _, stderr) = await RunAsync([Plan], [Contacts, Events], folder.Combine(output), start, days);
        Assert.Equal(expected, code);
        Assert.Contains("campaignc: error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_data_and_campaign_errors_have_their_exit_codes()
    {
        using var folder = new TempFolder();
        var (code, _, stderr) = await RunAsync([Plan], [folder.Combine("nope.csv")], null);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);

        var broken = folder.Write("broken.campaign", "campaign x { stage s { send email } }\n");
        (code, _, _) = await RunAsync([broken], [Contacts, Events], null);
        Assert.Equal(1, code);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(
        string[] files, string[] data, string? output, string start = "2026-01-05", int days = 60)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await SimulateCommand.RunAsync(new SimulateCommand.SimulateRequest(files, data, start, days, output, 0, null), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
