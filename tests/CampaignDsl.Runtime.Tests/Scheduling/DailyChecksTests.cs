using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary><c>entry daily</c> checks at its start and then at every midnight UTC after it, in simulate and run alike.</summary>
public sealed class DailyChecksTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-05T00:00:00Z", "2026-01-05T00:00:00Z", "2026-01-08T00:00:00Z", "2026-01-05T00:00:00Z 2026-01-06T00:00:00Z 2026-01-07T00:00:00Z")]
    [InlineData("2026-01-05T09:17:23Z", "2026-01-05T09:17:23Z", "2026-01-07T00:00:01Z", "2026-01-05T09:17:23Z 2026-01-06T00:00:00Z 2026-01-07T00:00:00Z")]
    [InlineData("2026-01-05T09:17:23Z", "2026-01-05T09:17:24Z", "2026-01-07T00:00:00Z", "2026-01-06T00:00:00Z")]
    [InlineData("2026-01-05T09:17:23Z", "2026-01-06T00:00:00Z", "2026-01-06T00:00:00Z", "")]
    [InlineData("2026-01-05T23:59:59Z", "2026-01-05T00:00:00Z", "2026-01-06T00:00:00.001Z", "2026-01-05T23:59:59Z 2026-01-06T00:00:00Z")]
    public void Checks_fall_at_the_start_and_each_midnight_after_it_within_the_window(string start, string from, string until, string expected)
    {
        var checks = EntryCalendar.DailyChecks(Utc(start), Utc(from), Utc(until)).Select(c => c.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, string.Join(' ', checks));
    }

    [Fact]
    public void Property_windows_cut_anywhere_give_the_checks_of_the_whole_span_once_each()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 2000; run++)
        {
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 60 * 24 * 30));
            var end = start.AddMinutes(random.Next(1, 60 * 24 * 20));
            var whole = EntryCalendar.DailyChecks(start, start, end).ToList();
            var cuts = Enumerable.Range(0, random.Next(0, 10)).Select(_ => start.AddMinutes(random.NextInt64(0, (long)(end - start).TotalMinutes))).Order().ToList();
            var pieces = new List<DateTimeOffset>();
            var from = start;
            foreach (var cut in cuts.Append(end))
            {
                pieces.AddRange(EntryCalendar.DailyChecks(start, from, cut));
                from = cut;
            }

            Assert.Equal(whole, pieces);
            Assert.All(whole.Skip(1), c => Assert.Equal(TimeSpan.Zero, c.UtcDateTime.TimeOfDay));
        }
    }
}
