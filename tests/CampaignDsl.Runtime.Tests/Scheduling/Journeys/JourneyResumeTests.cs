using System.Globalization;
using System.Text;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Scheduling.Journeys;

namespace CampaignDsl.Runtime.Tests.Scheduling.Journeys;

/// <summary>
/// A journey advanced tick by tick, saved as JSON and taken up again between ticks, decides exactly what the same journey
/// advanced in one go decides: the same rows, at the same moments, with the same enrolment numbers, variants, subjects and
/// codes. This is what lets a real run keep each contact's place instead of replaying its history, and still do what the
/// simulation shows.
/// </summary>
public sealed class JourneyResumeTests
{
    private static readonly string[] Zones = ["UTC", "Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];

    /// <summary>
    /// 120 random sets of two or three campaigns (caps, send windows, quiet hours, entry at the start, daily or on an event with
    /// re-entry, goals, exits, holdouts, hand-offs, final actions, stage conditions) over 20 random contacts each, every
    /// journey cut into 1 to 40 random ticks: 2,400 journeys compared row by row with the uninterrupted one.
    /// </summary>
    [Fact]
    public void Property_a_journey_taken_up_again_between_ticks_decides_what_an_uninterrupted_one_does()
    {
        var random = new Random(20261207);
        var compared = 0;
        var resumes = 0;
        for (var set = 0; set < 120; set++)
        {
            var source = RandomCampaigns(random, set);
            var plans = Plans.CompileAll(source);
            var campaigns = plans.Select(p => new ScheduledCampaign(p)).ToList();
            var period = SimulationPeriod.FromDays(Plans.Start, 45, seed: set);
            for (var c = 0; c < 20; c++)
            {
                var contact = Plans.Subscriber($"c{set}-{c}", Zones[random.Next(Zones.Length)]);
                var events = RandomEvents(random, contact.Id);
                var whole = new ContactScheduler(campaigns, period).Run(new ContactHistory(contact, events));

                var scheduler = new ContactScheduler(campaigns, period.Seed, forecast: null, horizon: period.End);
                var history = new ContactHistory(contact, events);
                var journey = new ContactJourney(scheduler);
                journey.AddCalendarChances(history, period.Start, period.End);
                var rows = new List<TimelineEntry>();
                foreach (var tick in Ticks(random, period))
                {
                    journey.Advance(history, tick);
                    rows.AddRange(journey.TakeRows());
                    var json = journey.Save().ToJson();
                    var dropped = new List<WorkRecord>();
                    journey = ContactJourney.Restore(scheduler, JourneyState.FromJson(json), history, dropped);
                    Assert.Empty(dropped);
                    resumes++;
                }

                Assert.True(Describe(whole) == Describe(rows), $"set {set}, contact {c}:\n{source}\nwhole:\n{Describe(whole)}\nresumed:\n{Describe(rows)}");
                compared += whole.Count;
            }
        }

        // The cases must exercise the journeys: many rows, many of them sends.
        Assert.InRange(compared, 20_000, int.MaxValue);
        Assert.InRange(resumes, 20_000, int.MaxValue);
    }

    [Fact]
    public void A_saved_journey_reads_back_to_the_same_json()
    {
        var plans = Plans.CompileAll("""
            campaign a {
              type reengagement
              audience { where subscribed entry on visit reentry after 3d }
              policy { cap 1 per 2d goal purchase within 20d }
              stage one { send email BODY subject "one" }
              stage two after 1d { send email BODY subject "two" }
            }
            """);
        var campaigns = plans.Select(p => new ScheduledCampaign(p)).ToList();
        var scheduler = new ContactScheduler(campaigns, 0, forecast: null, horizon: null);
        var contact = Plans.Subscriber("c1");
        var history = new ContactHistory(contact, [Plans.Event("c1", "visit", "2026-01-05T10:00:00Z"), Plans.Event("c1", "visit", "2026-01-05T10:00:00Z")]);
        var journey = new ContactJourney(scheduler);
        journey.AddCalendarChances(history, Plans.Start, Plans.Start.AddDays(10));
        journey.Advance(history, Plans.Start.AddHours(12));

        var json = journey.Save().ToJson();
        var again = ContactJourney.Restore(scheduler, JourneyState.FromJson(json), history, []).Save().ToJson();

        Assert.Equal(json, again);
        Assert.Contains("\"Stage\":\"two\"", json, StringComparison.Ordinal);
        Assert.NotNull(JourneyState.FromJson(json).NextDue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("{\"Version\":99}")]
    public void A_state_that_cannot_be_read_is_a_clear_error(string json)
    {
        var error = Assert.Throws<JourneyStateException>(() => JourneyState.FromJson(json));

        Assert.Contains("journey's state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_for_a_stage_the_plan_no_longer_has_is_listed_and_moves_on()
    {
        var before = Plans.Compile("""
            campaign a {
              type welcome
              audience { where subscribed }
              stage one { send email BODY subject "one" }
              stage two after 2d { send email BODY subject "two" }
            }
            """);
        var after = Plans.Compile("""
            campaign a {
              type welcome
              audience { where subscribed }
              stage one { send email BODY subject "one" }
            }
            """);
        var history = new ContactHistory(Plans.Subscriber("c1"), []);
        var first = new ContactScheduler([new ScheduledCampaign(before)], 0, forecast: null, horizon: null);
        var journey = new ContactJourney(first);
        journey.AddCalendarChances(history, Plans.Start, Plans.Start.AddDays(1));
        journey.Advance(history, Plans.Start.AddDays(1));
        var state = journey.Save();
        var dropped = new List<WorkRecord>();

        var restored = ContactJourney.Restore(new ContactScheduler([new ScheduledCampaign(after)], 0, forecast: null, horizon: null), state, history, dropped);

        // Stage two was the last: the contact finishes at its moment instead.
        var gone = Assert.Single(dropped);
        Assert.Equal(("stage", "two"), (gone.Kind, gone.Stage));
        Assert.Equal(gone.At, restored.NextDue);
        restored.Advance(history, Plans.Start.AddDays(30));
        Assert.True(Assert.Single(restored.Save().Enrolments).Finished);
    }

    /// <summary>Between 1 and 40 moments in the period, in order, the last one its end.</summary>
    private static IEnumerable<DateTimeOffset> Ticks(Random random, SimulationPeriod period)
    {
        var span = (long)(period.End - period.Start).TotalMinutes;
        var cuts = Enumerable.Range(0, random.Next(0, 40)).Select(_ => period.Start.AddMinutes(random.NextInt64(0, span))).Order().ToList();
        return [.. cuts, period.End];
    }

    private static List<ContactEvent> RandomEvents(Random random, string contact)
    {
        var types = new[] { "visit", "purchase", "email.open", "email.click" };
        return [.. Enumerable.Range(0, random.Next(0, 8))
            .Select(_ => new ContactEvent(contact, types[random.Next(types.Length)], Plans.Start.AddMinutes(random.Next(-30 * 24 * 60, 40 * 24 * 60)), 10m))
            .OrderBy(e => e.At)];
    }

    private static string Describe(IEnumerable<TimelineEntry> rows) => string.Join("\n", rows.Select(r => string.Join(",",
        r.AtUtc.ToString("O", CultureInfo.InvariantCulture), r.Campaign, r.Stage, r.Status, r.SendId, r.Variant, r.SubjectVariant, r.IncentiveCode,
        r.DeferredFrom?.ToString("O", CultureInfo.InvariantCulture), r.Reason, r.EnteredAt?.ToString("O", CultureInfo.InvariantCulture), r.Enrolment)));

    private static string RandomCampaigns(Random random, int set)
    {
        var text = new StringBuilder();
        var count = random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            var policy = new List<string>();
            if (random.Next(3) > 0)
            {
                policy.Add($"cap {random.Next(1, 3)} per {random.Next(1, 4)}d");
            }

            if (random.Next(2) == 0)
            {
                var open = random.Next(9, 17);
                policy.Add($"send_window {open:D2}:{15 * random.Next(4):D2}..{open + random.Next(2, 5):D2}:00");
            }

            if (random.Next(3) == 0)
            {
                policy.Add($"quiet_hours {random.Next(18, 24):D2}:00..{random.Next(5, 9):D2}:30");
            }

            if (random.Next(3) == 0)
            {
                policy.Add($"holdout {random.Next(10, 50)}%");
            }

            if (random.Next(2) == 0)
            {
                policy.Add($"goal purchase within {random.Next(20, 40)}d");
            }

            if (random.Next(3) == 0)
            {
                policy.Add("exit when engaged");
            }

            if (i + 1 < count && random.Next(3) == 0)
            {
                policy.Add($"then enroll k{set}_{i + 1}");
            }
            else if (random.Next(3) == 0)
            {
                policy.Add("finally suppress \"sunset\"");
            }

            var entry = random.Next(4) switch
            {
                0 => "entry on visit reentry after 5d",
                1 => "entry daily reentry after 10d",
                _ => "",
            };
            text.Append(CultureInfo.InvariantCulture, $"campaign k{set}_{i} {{\n  type reengagement\n  audience {{ where subscribed {entry} }}\n");
            if (policy.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  policy {{\n    {string.Join("\n    ", policy)}\n  }}\n");
            }

            var stages = random.Next(1, 5);
            for (var s = 0; s < stages; s++)
            {
                var min = random.Next(1, 72);
                var wait = s == 0 && random.Next(2) == 0 ? "" : random.Next(2) == 0 ? $"after {min}h" : $"after {min}h..{min + random.Next(1, 30)}h";
                var condition = s > 0 && random.Next(4) == 0 ? $"when count(visit in {random.Next(2, 20)}d) == 0 " : "";
                text.Append(CultureInfo.InvariantCulture, $"  stage s{s} {wait} {{ {condition}send email BODY subject \"{i}-{s}\" }}\n");
            }

            text.Append("}\n");
        }

        return text.ToString();
    }
}
