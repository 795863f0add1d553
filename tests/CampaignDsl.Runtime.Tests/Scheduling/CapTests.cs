using System.Globalization;
using System.Text;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Frequency caps hold at the instant each send goes out, whatever the other campaigns' caps (docs/runtime.md, "Frequency caps").</summary>
public sealed class CapTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("")]
    [InlineData("policy { cap 5 per 2d }")]
    public void A_send_moved_by_the_window_is_checked_against_the_cap_again_when_it_goes_out(string otherPolicy)
    {
        // a sends on the 5th at 10:00 and 11:00 and on the 6th at 16:00. b's send falls due on the 6th at 12:00, outside
        // its window: at 10:00 on the 7th the 2 days before it hold a's sends of 11:00 and 16:00, so it waits for 11:00
        // on the 5th to age out (11:00 on the 7th), which is outside the window again: 10:00 on the 8th.
        var plans = Plans.CompileAll($$"""
            campaign a {
              type reengagement
              audience { where subscribed }
              {{otherPolicy}}
              stage a1 after 10h { send email BODY subject "a1" }
              stage a2 after 1h { send email BODY subject "a2" }
              stage a3 after 29h { send email BODY subject "a3" }
            }
            campaign b {
              type reengagement
              audience { where subscribed }
              policy { cap 2 per 2d send_window 10:00..11:00 }
              stage b1 after 36h { send email BODY subject "b1" }
            }
            """);
        var rows = Plans.Run(plans, Plans.Subscriber("c1", "UTC"));
        Assert.Equal(Utc("2026-01-06T16:00:00Z"), rows.Single(r => r.Subject == "a3").AtUtc);
        var b1 = rows.Single(r => r.Subject == "b1");
        Assert.Equal(Utc("2026-01-08T10:00:00Z"), b1.AtUtc);
        Assert.Equal(Utc("2026-01-06T12:00:00Z"), b1.DeferredFrom);
        Assert.StartsWith(TimelineReasons.CapPrefix, b1.Reason, StringComparison.Ordinal);
        Assert.Empty(CapInvariant.Violations(rows, plans));
    }

    [Fact]
    public void A_send_of_an_uncapped_campaign_after_a_capped_one_does_not_move_it()
    {
        // b sends first; a's later send (no cap) goes out at its moment and b's earlier send stays where it was.
        var plans = Plans.CompileAll("""
            campaign a {
              type reengagement
              audience { where subscribed }
              stage a1 after 2h { send email BODY subject "a1" }
            }
            campaign b {
              type reengagement
              audience { where subscribed }
              policy { cap 1 per 1d }
              stage b1 after 1h { send email BODY subject "b1" }
            }
            """);
        var rows = Plans.Run(plans, Plans.Subscriber("c1", "UTC"));
        Assert.Equal([Plans.Start.AddHours(1), Plans.Start.AddHours(2)], rows.Where(r => r.Status == TimelineStatus.Sent).Select(r => r.AtUtc));
        Assert.Empty(CapInvariant.Violations(rows, plans));
    }

    private static readonly string[] Zones = ["UTC", "Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];

    /// <summary>
    /// 150 random sets of two to four campaigns (no cap, tight and loose caps, send windows, quiet hours, waits and windows,
    /// entry at the start or on visits) over 24 random contacts each in six zones: 3,600 contact timelines, every send
    /// checked against its cap.
    /// </summary>
    [Fact]
    public void Property_every_send_keeps_its_cap_at_the_instant_it_goes_out()
    {
        var random = new Random(20261007);
        var checkedSends = 0;
        var movedByCap = 0;
        var failures = new List<string>();
        for (var set = 0; set < 150; set++)
        {
            var source = RandomCampaigns(random, set);
            var plans = Plans.CompileAll(source);
            var scheduler = new ContactScheduler([.. plans.Select(p => new ScheduledCampaign(p))], SimulationPeriod.FromDays(Plans.Start, 30));
            for (var c = 0; c < 24; c++)
            {
                var id = $"c{set}-{c}";
                var events = Enumerable.Range(0, random.Next(0, 6))
                    .Select(_ => new ContactEvent(id, "visit", Plans.Start.AddMinutes(random.Next(0, 20 * 24 * 60))))
                    .ToList();
                var timeline = scheduler.Run(new ContactHistory(Plans.Subscriber(id, Zones[random.Next(Zones.Length)]), events))
                    .OrderBy(e => e.AtUtc).ToList();
                checkedSends += timeline.Count(e => e.Status == TimelineStatus.Sent);
                movedByCap += timeline.Count(e => e.Status == TimelineStatus.Sent && e.Reason?.StartsWith(TimelineReasons.CapPrefix, StringComparison.Ordinal) == true);
                failures.AddRange(CapInvariant.Violations(timeline, plans).Select(v => $"set {set}: {v}"));
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)) + "\n" + source);
        }

        // The cases must exercise the rule: many sends, and many of them moved by a cap.
        Assert.InRange(checkedSends, 10_000, int.MaxValue);
        Assert.InRange(movedByCap, 1_000, int.MaxValue);
    }

    private static string RandomCampaigns(Random random, int set)
    {
        var text = new StringBuilder();
        var count = random.Next(2, 5);
        for (var i = 0; i < count; i++)
        {
            var policy = new List<string>();
            switch (random.Next(4))
            {
                case 0:
                    break;
                case 1:
                    policy.Add($"cap {random.Next(1, 3)} per {random.Next(1, 4)}d");
                    break;
                case 2:
                    policy.Add($"cap {random.Next(2, 6)} per {random.Next(12, 100)}h");
                    break;
                default:
                    policy.Add($"cap {random.Next(3, 8)} per {random.Next(2, 8)}d");
                    break;
            }

            if (random.Next(2) == 0)
            {
                var open = random.Next(9, 17);
                policy.Add($"send_window {open:D2}:{15 * random.Next(4):D2}..{open + random.Next(2, 5):D2}:00");
            }

            if (random.Next(3) == 0)
            {
                var start = random.Next(18, 24);
                policy.Add($"quiet_hours {start:D2}:00..{random.Next(5, 9):D2}:30");
            }

            var entry = random.Next(3) == 0 ? "entry on visit reentry after 3d" : "";
            text.Append(CultureInfo.InvariantCulture, $"campaign k{set}_{i} {{\n  type reengagement\n  audience {{ where subscribed {entry} }}\n");
            if (policy.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  policy {{ {string.Join(' ', policy)} }}\n");
            }

            var stages = random.Next(2, 6);
            for (var s = 0; s < stages; s++)
            {
                var min = random.Next(1, 48);
                var wait = random.Next(2) == 0 ? $"after {min}h" : $"after {min}h..{min + random.Next(1, 30)}h";
                text.Append(CultureInfo.InvariantCulture, $"  stage s{s} {(s == 0 && random.Next(2) == 0 ? "" : wait)} {{ send email BODY subject \"{i}-{s}\" }}\n");
            }

            text.Append("}\n");
        }

        return text.ToString();
    }
}
