using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>
/// Send windows and quiet hours on the days the clocks change: a send goes out at the earliest instant at or after it
/// fell due whose local wall time the window allows (docs/runtime.md, "Send windows and quiet hours").
/// </summary>
public sealed class DstTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    // Amsterdam, 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC. 01:10 UTC is 02:10 in the second pass,
    // in the quiet hours (or before the window) again; they end (it opens) at 02:30 CET, 01:30 UTC, not a day later.
    [InlineData("Europe/Amsterdam", null, "01:30..02:30", "2026-10-25T01:10:00Z", "2026-10-25T01:30:00Z")]
    [InlineData("Europe/Amsterdam", "02:30..05:00", null, "2026-10-25T01:10:00Z", "2026-10-25T01:30:00Z")]
    // In the first pass the same quiet hours end at 02:30 CEST, 00:30 UTC.
    [InlineData("Europe/Amsterdam", null, "01:30..02:30", "2026-10-25T00:10:00Z", "2026-10-25T00:30:00Z")]
    // Chatham, 5 April 2026: 03:45 CHADT (+13:45) becomes 02:45 CHAST (+12:45) at 14:00 UTC on the 4th. 14:15 UTC is 03:00
    // in the second pass; quiet hours 02:50..03:30 end at 03:30 CHAST, 14:45 UTC.
    [InlineData("Pacific/Chatham", null, "02:50..03:30", "2026-04-04T14:15:00Z", "2026-04-04T14:45:00Z")]
    [InlineData("Pacific/Chatham", "03:30..06:00", null, "2026-04-04T14:15:00Z", "2026-04-04T14:45:00Z")]
    // Spring forward, Amsterdam 29 March 2026 (02:00 CET becomes 03:00 CEST at 01:00 UTC): quiet hours ending at 02:30, a
    // time that does not happen, end when the clocks jump, at 03:00 CEST.
    [InlineData("Europe/Amsterdam", null, "23:00..02:30", "2026-03-29T00:10:00Z", "2026-03-29T01:00:00Z")]
    public void A_send_due_around_a_change_of_the_clocks_goes_at_the_next_allowed_instant(string zone, string? window, string? quiet, string due, string expected)
    {
        var sendWindow = new SendWindow(Daily(window), Daily(quiet));
        Assert.Equal(Utc(expected), sendWindow.NextAllowed(Utc(due), Zone(zone)));
        Assert.Equal(Utc(expected), BruteForce.EarliestAllowed(Utc(due), Zone(zone), window, quiet));
    }

    [Fact]
    public void The_scheduler_sends_in_the_second_pass_of_the_repeated_hour()
    {
        var plan = Plans.Compile("""
            campaign t {
              type reengagement
              audience { where subscribed entry on visit }
              policy { quiet_hours 01:30..02:30 }
              stage one { send email BODY subject "x" }
            }
            """);
        var rows = new ContactScheduler([new ScheduledCampaign(plan)], SimulationPeriod.FromDays(Utc("2026-10-20T00:00:00Z"), 10))
            .Run(new Runtime.Scheduling.ContactHistory(Plans.Subscriber("c1", "Europe/Amsterdam"), [Plans.Event("c1", "visit", "2026-10-25T01:10:00Z")]));
        var sent = Assert.Single(rows, r => r.Status == TimelineStatus.Sent);
        Assert.Equal(Utc("2026-10-25T01:30:00Z"), sent.AtUtc);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), sent.AtLocal);
    }

    private static readonly string[] Zones = ["Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];

    /// <summary>
    /// On every changeover day of 2026 in five zones (and, for Kolkata, which keeps one offset, two ordinary days), random
    /// windows and quiet hours with boundaries in and around the skipped or repeated hour, and random due moments from
    /// a day before to a day after the change: 6,000 cases against a minute-by-minute scan of the wall clock.
    /// </summary>
    [Fact]
    public void Property_every_send_goes_at_the_earliest_allowed_instant_on_changeover_days()
    {
        var random = new Random(20261025);
        var cases = 0;
        var failures = new List<string>();
        foreach (var id in Zones)
        {
            var zone = Zone(id);
            var changes = BruteForce.Changeovers(zone, 2026);
            if (changes.Count == 0)
            {
                changes = [Utc("2026-03-29T01:00:00Z"), Utc("2026-10-25T01:00:00Z")];
            }

            var perChange = 6_000 / Zones.Length / changes.Count;
            foreach (var change in changes)
            {
                var localChange = TimeZoneInfo.ConvertTime(change, zone).TimeOfDay;
                for (var i = 0; i < perChange; i++)
                {
                    // Boundaries near the change's local time half the time, anywhere otherwise; whole minutes, as the language writes them.
                    string Time() => random.Next(2) == 0
                        ? TimeOnly.FromTimeSpan(localChange).AddMinutes(random.Next(-90, 91)).ToString("HH:mm", CultureInfo.InvariantCulture)
                        : new TimeOnly(random.Next(24), random.Next(4) * 15).ToString("HH:mm", CultureInfo.InvariantCulture);
                    var window = random.Next(3) == 0 ? null : $"{Time()}..{Time()}";
                    var quiet = window is null || random.Next(2) == 0 ? $"{Time()}..{Time()}" : null;
                    var due = change.AddSeconds(random.Next(-86_400, 86_400));
                    if (random.Next(4) == 0)
                    {
                        due = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, TimeSpan.Zero);
                    }

                    if (BruteForce.EarliestAllowed(due, zone, window, quiet) is not { } expected)
                    {
                        continue; // the window and the quiet hours leave no time at all: a compile error (CDSL0087)
                    }

                    cases++;
                    var actual = new SendWindow(Daily(window), Daily(quiet)).NextAllowed(due, zone);
                    if (actual != expected)
                    {
                        failures.Add($"{id} window {window} quiet {quiet} due {due:O}: {actual:O}, expected {expected:O}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases}:\n" + string.Join("\n", failures.Take(15)));
        Assert.InRange(cases, 5_000, 6_000);
    }

    private static PlanDailyWindow? Daily(string? text) =>
        text is null ? null : new PlanDailyWindow(null, text[..5], text[7..]);

    /// <summary>The rule read literally, independently of <see cref="SendWindow"/> and <see cref="LocalClock"/>.</summary>
    private static class BruteForce
    {
        /// <summary>The first instant at or after <paramref name="due"/> whose wall-clock time is allowed, scanning whole minutes; null if none within 3 days.</summary>
        public static DateTimeOffset? EarliestAllowed(DateTimeOffset due, TimeZoneInfo zone, string? window, string? quiet)
        {
            if (Allowed(due, zone, window, quiet))
            {
                return due;
            }

            // Offsets and boundaries are whole minutes, so the allowed stretches begin on whole UTC minutes.
            var minute = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            for (var i = 0; i < 3 * 24 * 60; i++, minute = minute.AddMinutes(1))
            {
                if (Allowed(minute, zone, window, quiet))
                {
                    return minute;
                }
            }

            return null;
        }

        public static List<DateTimeOffset> Changeovers(TimeZoneInfo zone, int year)
        {
            var changes = new List<DateTimeOffset>();
            var at = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var offset = zone.GetUtcOffset(at);
            for (; at.Year == year; at = at.AddMinutes(15))
            {
                if (zone.GetUtcOffset(at) != offset)
                {
                    changes.Add(at);
                    offset = zone.GetUtcOffset(at);
                }
            }

            return changes;
        }

        private static bool Allowed(DateTimeOffset instant, TimeZoneInfo zone, string? window, string? quiet)
        {
            var minutes = (int)TimeZoneInfo.ConvertTime(instant, zone).TimeOfDay.TotalMinutes;
            return (window is null || Within(minutes, window)) && (quiet is null || !Within(minutes, quiet));
        }

        private static bool Within(int minutes, string range)
        {
            int Parse(string hhmm) => (int.Parse(hhmm[..2], CultureInfo.InvariantCulture) * 60) + int.Parse(hhmm[3..], CultureInfo.InvariantCulture);
            int start = Parse(range[..5]), end = Parse(range[7..]);
            return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
        }
    }
}
