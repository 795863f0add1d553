using System.Globalization;
using System.Text.Json;
using Campaignc.Commands;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Tests.Infrastructure;
using CampaignDsl.Runtime.Tests.Scheduling;

namespace CampaignDsl.Runtime.Tests.Simulation;

/// <summary>The timeline files, the merge of sorted streams, and the SQLite store as the simulator's source.</summary>
public sealed class TimelineOutputTests
{
    private static readonly TimelineEntry Row = new(
        new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), new DateTime(2026, 3, 29, 9, 0, 0), "Europe/Amsterdam", "c1", "t", "one",
        TimelineStatus.Sent, "email", "stage.one.send.0", "otherwise", "stage.one.send.0.subject.1", "Hi, \"Ann\", it's been a while", "back20", "WB-ABC123",
        "abc", new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), "outside the send window or in quiet hours", Enrolment: 2);

    [Fact]
    public void Csv_quotes_what_needs_it_and_writes_both_clocks()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new TimelineWriter(text, jsonLines: false))
        {
            writer.Write(Row);
        }

        var lines = text.ToString().Split('\n');
        Assert.Equal(string.Join(',', TimelineWriter.Columns), lines[0]);
        Assert.StartsWith("2026-03-29T07:00:00Z,2026-03-29T09:00:00,Europe/Amsterdam,c1,t,one,sent,email,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"Hi, \"\"Ann\"\", it's been a while\",", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",2026-03-29T00:00:00Z,outside the send window or in quiet hours,2", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_hold_one_object_per_row_with_nulls_for_empty_columns()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new TimelineWriter(text, jsonLines: true))
        {
            writer.Write(Row with { Incentive = null, IncentiveCode = null });
        }

        using var json = JsonDocument.Parse(text.ToString().TrimEnd('\n'));
        Assert.Equal("Hi, \"Ann\", it's been a while", json.RootElement.GetProperty("subject").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("incentive").ValueKind);
        Assert.Equal(2, json.RootElement.GetProperty("enrolment").GetInt32());
        Assert.Equal(TimelineWriter.Columns.Length, json.RootElement.EnumerateObject().Count());
        Assert.Null(TimelineWriter.IsJsonLines("timeline.txt"));
    }

    [Fact]
    public async Task Sorted_streams_merge_each_contact_with_its_own_events_and_pass_over_orphans()
    {
        await using var source = new MemoryContactSource(
            [new Contact("b"), new Contact("a"), new Contact("d")],
            [Plans.Event("a", "visit", "2026-01-01T00:00:00Z"), Plans.Event("c", "visit", "2026-01-01T00:00:00Z"),
             Plans.Event("d", "visit", "2026-01-02T00:00:00Z"), Plans.Event("d", "visit", "2026-01-01T00:00:00Z")]);
        var histories = await ContactHistories.ReadAsync(source).ToListAsync();
        Assert.Equal(["a:1", "b:0", "d:2"], histories.Select(h => $"{h.Contact.Id}:{h.Events.Count}"));
        Assert.True(histories[2].Events[0].At < histories[2].Events[1].At);
    }

    [Fact]
    public async Task The_sqlite_store_simulates_like_the_csv_files()
    {
        using var folder = new TempFolder();
        var contacts = RepositoryPaths.InRepo("examples", "data", "contacts.csv");
        var events = RepositoryPaths.InRepo("examples", "data", "events.csv");
        var store = folder.Combine("store.db");
        using (var sink = new StringWriter(CultureInfo.InvariantCulture))
        {
            Assert.Equal(0, await ImportCommand.RunAsync([contacts, events], store, strict: false, sink, sink));
        }

        var plan = RepositoryPaths.InRepo("examples", "reengagement", "we_miss_you.plan.json");
        async Task<string[]> Timeline(string[] data, string name)
        {
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var output = folder.Combine(name);
            var code = await SimulateCommand.RunAsync(new SimulateCommand.SimulateRequest([plan], data, "2026-01-05", 60, output, 0, null), stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            return [.. (await File.ReadAllLinesAsync(output)).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(await Timeline([contacts, events], "csv.csv"), await Timeline([store], "db.csv"));
    }

    [Fact]
    public void The_control_group_does_not_use_up_the_cap_and_the_window_can_push_a_send_out_of_the_run()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              policy { send_window 09:00..17:00 }
              stage one after 1d { send email BODY subject "x" }
            }
            """);

        // Due at 00:00 UTC on the last day; the window opens at 09:00 local the next day, after the run.
        Assert.Empty(Plans.Run(plan, Plans.Subscriber("c1", "UTC"), days: 1));
        Assert.Single(Plans.Run(plan, Plans.Subscriber("c1", "UTC"), days: 2));

        var held = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed }
              policy {
                holdout 50%
                cap 1 per 7d
              }
              stage one { send email BODY subject "x" }
              stage two after 1d { send email BODY subject "y" }
            }
            """);
        var control = Enumerable.Range(0, 100).Select(i => $"c{i}").First(new ScheduledCampaign(held).IsControl);
        var rows = Plans.Run(held, Plans.Subscriber(control, "UTC"));
        Assert.Equal([Plans.Start, Plans.Start.AddDays(1)], rows.Select(r => r.AtUtc));
        Assert.All(rows, r => Assert.Equal(TimelineStatus.Holdout, r.Status));
    }
}
