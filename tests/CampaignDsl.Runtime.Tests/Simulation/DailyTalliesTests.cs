using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Simulation.Report;

namespace CampaignDsl.Runtime.Tests.Simulation;

/// <summary>The counts per UTC day, and what the HTML report observes on the way (A/B, holdout, samples).</summary>
public sealed class DailyTalliesTests
{
    private static TimelineEntry Row(string at, string contact, string stage, string status, string? subject = null, DateTimeOffset? deferredFrom = null, string? reason = null, string campaign = "c")
    {
        var utc = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        return new TimelineEntry(utc, utc.AddHours(9).DateTime, "Asia/Tokyo", contact, campaign, stage, status,
            Channel: status == TimelineStatus.Sent ? "email" : null, SendId: status == TimelineStatus.Sent ? $"stage.{stage}.send.0" : null,
            SubjectVariant: subject, DeferredFrom: deferredFrom, Reason: reason);
    }

    [Fact]
    public void Rows_count_on_their_utc_day_not_the_contacts_local_day()
    {
        var daily = new DailyTallies();

        // 20:00Z is already the next morning in Tokyo; the day is UTC's.
        daily.Add(Row("2026-01-05T20:00:00Z", "a", "one", TimelineStatus.Sent));
        daily.Add(Row("2026-01-05T23:59:59Z", "b", "one", TimelineStatus.Sent, deferredFrom: DateTimeOffset.Parse("2026-01-04T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), reason: "frequency cap 2 per 7d"));
        daily.Add(Row("2026-01-06T00:00:00Z", "c", "one", TimelineStatus.Holdout));
        daily.Add(Row("2026-01-09T10:00:00Z", "a", "two", TimelineStatus.Skipped));
        daily.Add(Row("2026-01-09T11:00:00Z", "b", "two", TimelineStatus.Exit));

        Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 9)], daily.Days);
        var fifth = daily.Of("c", "one", new DateOnly(2026, 1, 5))!;
        Assert.Equal((2, 1, 0), (fifth.Sent, fifth.Deferred, fifth.Holdout));
        Assert.Equal(1, daily.Of("c", "one", new DateOnly(2026, 1, 6))!.Holdout);
        Assert.Null(daily.Of("c", "two", new DateOnly(2026, 1, 5)));
        Assert.Null(daily.Of("c", "one", new DateOnly(2026, 1, 7)));
        var ninth = daily.Of("c", "two", new DateOnly(2026, 1, 9))!;
        Assert.Equal((0, 1, 1), (ninth.Sent, ninth.Skipped, ninth.Exits));
        Assert.Single(daily.On(new DateOnly(2026, 1, 9)));
    }

    [Fact]
    public async Task The_days_of_the_example_run_add_up_to_its_stage_table()
    {
        var plan = PlanReader.ReadFile(RepositoryPaths.InRepo("examples", "reengagement", "we_miss_you.plan.json")).Plan!;
        await using var source = new CsvContactSource(RepositoryPaths.InRepo("examples", "data", "contacts.csv"), RepositoryPaths.InRepo("examples", "data", "events.csv"),
            DataMapping.None, DataSchema.Default, new DataProblemLog());
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var rows = new List<TimelineEntry>();
        var observations = new ReportObservations();
        var summary = await CampaignSimulator.RunAsync([plan], source, SimulationPeriod.FromDays(start, 60), rows.Add, observations.Observe);

        Assert.All(summary.Daily.Days, d => Assert.InRange(d, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 5)));
        foreach (var tally in summary.Stages)
        {
            var days = summary.Daily.Days.Select(d => summary.Daily.Of(tally.Campaign, tally.Stage, d)).OfType<StageTally>().ToList();
            Assert.Equal(tally.Sent, days.Sum(t => t.Sent));
            Assert.Equal(tally.Holdout, days.Sum(t => t.Holdout));
            Assert.Equal(tally.Skipped, days.Sum(t => t.Skipped));
            Assert.Equal(tally.Exits, days.Sum(t => t.Exits));
            Assert.Equal(tally.FinalActions, days.Sum(t => t.FinalActions));
        }

        // Against the timeline itself, per day.
        foreach (var day in rows.GroupBy(r => DateOnly.FromDateTime(r.AtUtc.UtcDateTime)))
        {
            Assert.Equal(day.Count(r => r.Status == TimelineStatus.Sent && r.Stage == "recognition"), summary.Daily.Of("we_miss_you", "recognition", day.Key)?.Sent ?? 0);
        }

        Assert.True(summary.Stages.Sum(t => t.Sent) > 0);
        Assert.True(summary.Daily.Days.Count > 20, "sends spread over the weeks of the sequence");

        // Observations agree with the timeline.
        var entered = rows.Select(r => r.ContactId).Distinct().Count();
        var control = rows.Where(r => r.Status == TimelineStatus.Holdout).Select(r => r.ContactId).Distinct().Count();
        Assert.Equal(control, observations.Control("we_miss_you"));
        Assert.Equal(entered - control, observations.Treated("we_miss_you"));
        Assert.True(control > 0);
        foreach (var count in observations.Subjects)
        {
            Assert.Equal(rows.Count(r => r.Status == TimelineStatus.Sent && r.SendId == count.SendId && r.SubjectVariant == count.SubjectVariant), count.Sent);
        }

        Assert.Equal(4, observations.Subjects.Count(s => s.Stage is "recognition" or "last_chance"));
        foreach (var stage in plan.Stages)
        {
            var sample = observations.Sample("we_miss_you", stage.Name)!;
            var first = rows.First(r => r.Status == TimelineStatus.Sent && r.Stage == stage.Name);
            Assert.Equal(first.ContactId, sample.Contact.Id);
            Assert.Equal(rows.Where(r => r.Status == TimelineStatus.Sent && r.Stage == stage.Name && r.ContactId == first.ContactId).Select(r => r.SendId), sample.Sends.Select(s => s.SendId));
        }
    }

    [Fact]
    public void A_contact_with_holdout_rows_is_control_and_only_sent_stages_get_samples()
    {
        var observations = new ReportObservations();
        observations.Observe(new ContactHistory(new Contact("held"), []), [Row("2026-01-05T09:00:00Z", "held", "one", TimelineStatus.Holdout)]);
        observations.Observe(new ContactHistory(new Contact("first"), []),
        [
            Row("2026-01-05T09:00:00Z", "first", "one", TimelineStatus.Sent, "s.0"),
            Row("2026-01-06T09:00:00Z", "first", "two", TimelineStatus.Skipped),
        ]);
        observations.Observe(new ContactHistory(new Contact("second"), []),
        [
            Row("2026-01-05T10:00:00Z", "second", "one", TimelineStatus.Sent, "s.1"),
            Row("2026-01-08T10:00:00Z", "second", "one", TimelineStatus.Sent, "s.1", campaign: "other"),
        ]);

        Assert.Equal(1, observations.Control("c"));
        Assert.Equal(2, observations.Treated("c"));
        Assert.Equal(1, observations.Treated("other"));
        Assert.Equal("first", observations.Sample("c", "one")!.Contact.Id);
        Assert.Equal("second", observations.Sample("other", "one")!.Contact.Id);
        Assert.Null(observations.Sample("c", "two"));
        Assert.Equal([("c", "s.0", 1), ("c", "s.1", 1), ("other", "s.1", 1)], observations.Subjects.Select(s => (s.Campaign, s.SubjectVariant, s.Sent)));
    }
}
