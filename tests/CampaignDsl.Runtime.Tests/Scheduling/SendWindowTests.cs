using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Send windows and quiet hours in the contact's zone, across the days the clocks change.</summary>
public sealed class SendWindowTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly SendWindow NineToEight = new(new PlanDailyWindow(null, "09:00", "20:00"), null);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Last Sunday of March 2026: Amsterdam moves from UTC+1 to UTC+2 at 01:00 UTC, so 09:00 local is 07:00 UTC that day, 08:00 UTC the day before.
    [InlineData("2026-03-28T05:00:00Z", "2026-03-28T08:00:00Z")]
    [InlineData("2026-03-29T05:00:00Z", "2026-03-29T07:00:00Z")]
    // Last Sunday of October 2026: back to UTC+1 at 01:00 UTC.
    [InlineData("2026-10-24T05:00:00Z", "2026-10-24T07:00:00Z")]
    [InlineData("2026-10-25T05:00:00Z", "2026-10-25T08:00:00Z")]
    // After 20:00 local: the next morning, in that morning's offset.
    [InlineData("2026-03-28T19:30:00Z", "2026-03-29T07:00:00Z")]
    [InlineData("2026-10-24T19:30:00Z", "2026-10-25T08:00:00Z")]
    // Inside the window: unchanged.
    [InlineData("2026-03-29T12:00:00Z", "2026-03-29T12:00:00Z")]
    public void Amsterdam_window_across_dst(string due, string expected) =>
        Assert.Equal(Utc(expected), NineToEight.NextAllowed(Utc(due), Amsterdam));

    [Theory]
    // New York is already on summer time (UTC-4) on Europe's last Sundays of March and October.
    [InlineData("2026-03-29T06:00:00Z", "2026-03-29T13:00:00Z")]
    [InlineData("2026-10-25T06:00:00Z", "2026-10-25T13:00:00Z")]
    // Its own changes: second Sunday of March (to UTC-4), first Sunday of November (to UTC-5).
    [InlineData("2026-03-07T06:00:00Z", "2026-03-07T14:00:00Z")]
    [InlineData("2026-03-08T06:00:00Z", "2026-03-08T13:00:00Z")]
    [InlineData("2026-10-31T06:00:00Z", "2026-10-31T13:00:00Z")]
    [InlineData("2026-11-01T06:00:00Z", "2026-11-01T14:00:00Z")]
    public void New_york_window_across_dst(string due, string expected) =>
        Assert.Equal(Utc(expected), NineToEight.NextAllowed(Utc(due), NewYork));

    [Fact]
    public void Quiet_hours_past_midnight_hold_sends_until_they_end()
    {
        var quiet = new SendWindow(null, new PlanDailyWindow(null, "21:00", "08:00"));
        Assert.Equal(Utc("2026-01-06T07:00:00Z"), quiet.NextAllowed(Utc("2026-01-05T21:30:00Z"), Amsterdam));
        Assert.Equal(Utc("2026-01-05T19:00:00Z"), quiet.NextAllowed(Utc("2026-01-05T19:00:00Z"), Amsterdam));
        Assert.False(quiet.Allows(new TimeOnly(3, 0)));
        Assert.True(quiet.Allows(new TimeOnly(8, 0)));
    }

    [Fact]
    public void A_local_time_the_clocks_skip_moves_forward_and_a_repeated_one_means_the_first()
    {
        // 02:30 does not exist in Amsterdam on 29 March 2026: it becomes 03:30 CEST (01:30 UTC).
        Assert.Equal(Utc("2026-03-29T01:30:00Z"), LocalClock.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), Amsterdam));

        // 02:30 happens twice on 25 October 2026: the first, still CEST (00:30 UTC).
        Assert.Equal(Utc("2026-10-25T00:30:00Z"), LocalClock.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), Amsterdam));

        // A window opening at 02:30 on the spring-forward day opens when the clocks jump from 02:00 to 03:00 (01:00 UTC):
        // 03:00 is inside 02:30..05:00.
        var early = new SendWindow(new PlanDailyWindow(null, "02:30", "05:00"), null);
        Assert.Equal(Utc("2026-03-29T01:00:00Z"), early.NextAllowed(Utc("2026-03-28T23:00:00Z"), Amsterdam));
    }
}
