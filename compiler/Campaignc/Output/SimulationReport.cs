using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using Spectre.Console;

namespace Campaignc.Output;

/// <summary>The terminal summary of a simulation: one line per campaign, then a table of what each stage did.</summary>
public static class SimulationReport
{
    public static void Write(SimulationSummary summary, IReadOnlyList<CampaignPlan> plans, SimulationPeriod period, int days, long badRows, IAnsiConsole console)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulated {summary.Contacts:N0} contacts over {days} days from {period.Start:yyyy-MM-dd} (UTC); nothing was sent."));
        if (badRows > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{badRows:N0} bad data rows were left out (listed above)."));
        }

        foreach (var plan in plans)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Campaign.Name}: {summary.Entered(plan.Campaign.Name):N0} contacts entered"));
        }

        var table = new Table().AddColumns("campaign", "stage", "sent", "deferred", "holdout", "skipped", "unreachable", "capped", "exits", "hand-offs", "final");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var tally in summary.Stages)
        {
            table.AddRow(
                Markup.Escape(tally.Campaign), Markup.Escape(tally.Stage ?? "(finished)"), N(tally.Sent), N(tally.Deferred), N(tally.Holdout), N(tally.Skipped),
                N(tally.Unreachable), N(tally.Capped), N(tally.Exits), N(tally.Handoffs), N(tally.FinalActions));
        }

        console.Write(table);
        WriteUnreachable(summary, console);
        foreach (var finished in summary.Stages.Where(t => t.Stage is null && t.ControlResponded + t.ControlNoResponse > 0))
        {
            // The control group is measured, never acted on: say what it did, so the comparison is visible.
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{finished.Campaign}: control group finished {finished.ControlResponded + finished.ControlNoResponse:N0} times: {finished.ControlResponded:N0} responded, {finished.ControlNoResponse:N0} did not; no hand-off or final action was applied to them."));
        }

        DailyReport.Write(summary, plans, console);
        ForecastReport.Write(summary, console);
    }

    /// <summary>Why sends could not reach their contacts, per campaign and channel: the reasons behind the "unreachable" column.</summary>
    private static void WriteUnreachable(SimulationSummary summary, IAnsiConsole console)
    {
        if (summary.Unreachable.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("campaign", "channel", "unreachable because", "sends");
        table.Columns[3].RightAligned();
        foreach (var count in summary.Unreachable)
        {
            table.AddRow(Markup.Escape(count.Campaign), Markup.Escape(count.Channel), Markup.Escape(count.Reason), N(count.Sends));
        }

        console.WriteLine("Unreachable sends (nothing went out; the caps do not count them):");
        console.Write(table);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
