using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Simulation;
using Spectre.Console;

namespace Campaignc.Output;

/// <summary>
/// The terminal's table per day: one row per UTC day that saw anything, one column per stage that sent anything,
/// then the day's deferred, held-out, skipped, unreachable, capped sends, exits and finishes (hand-offs and final actions)
/// summed over the stages; zeros are blank. Sixty days by five stages reads as one screen of rows; a run with more than
/// <see cref="MaxDailyRows"/> active days is summed per week (Monday to Sunday) instead, so it stays readable.
/// </summary>
public static class DailyReport
{
    public const int MaxDailyRows = 62;

    public static void Write(SimulationSummary summary, IReadOnlyList<CampaignPlan> plans, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(console);
        var days = summary.Daily.Days.ToList();
        if (days.Count == 0)
        {
            return;
        }

        var weekly = days.Count > MaxDailyRows;
        var stages = plans.SelectMany(p => p.Stages.Select(s => (Campaign: p.Campaign.Name, Stage: s.Name)))
            .Where(s => summary.Stages.Any(t => t.Campaign == s.Campaign && t.Stage == s.Stage && t.Sent > 0)).ToList();
        var shared = stages.GroupBy(s => s.Stage, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var table = new Table().AddColumn(weekly ? "week of" : "day");
        foreach (var (campaign, stage) in stages)
        {
            table.AddColumn(new TableColumn(Markup.Escape(shared.Contains(stage) ? $"{campaign}.{stage}" : stage)).RightAligned());
        }

        foreach (var name in new[] { "deferred", "holdout", "skipped", "unreachable", "capped", "exits", "finished" })
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        foreach (var group in days.GroupBy(d => weekly ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7)) : d))
        {
            var tallies = group.SelectMany(summary.Daily.On).ToList();
            var row = new List<string> { group.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            row.AddRange(stages.Select(s => Blank(tallies.Where(t => t.Campaign == s.Campaign && t.Stage == s.Stage).Sum(t => t.Sent))));
            row.Add(Blank(tallies.Sum(t => t.Deferred)));
            row.Add(Blank(tallies.Sum(t => t.Holdout)));
            row.Add(Blank(tallies.Sum(t => t.Skipped)));
            row.Add(Blank(tallies.Sum(t => t.Unreachable)));
            row.Add(Blank(tallies.Sum(t => t.Capped)));
            row.Add(Blank(tallies.Sum(t => t.Exits)));
            row.Add(Blank(tallies.Sum(t => t.Handoffs + t.FinalActions)));
            table.AddRow(row.ToArray());
        }

        console.WriteLine(weekly ? "Sends per stage and week (UTC):" : "Sends per stage and day (UTC):");
        console.Write(table);
    }

    /// <summary>A zero is left blank, so the days a stage was busy stand out.</summary>
    private static string Blank(int value) => value == 0 ? "" : value.ToString("N0", CultureInfo.InvariantCulture);
}
