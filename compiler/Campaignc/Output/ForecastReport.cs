using System.Globalization;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Simulation.Forecast;
using Spectre.Console;

namespace Campaignc.Output;

/// <summary>
/// The engagement forecast in the terminal summary (<c>--forecast benchmark</c>): per campaign, what the sends drew and
/// the reactivation rate of the treated group against the holdout, each with its 95% interval.
/// </summary>
public static class ForecastReport
{
    public static void Write(SimulationSummary summary, IAnsiConsole console)
    {
        if (summary.Forecast is not { } forecast)
        {
            return;
        }

        console.WriteLine("Engagement forecast (benchmark rates; reactivated = a purchase or the goal reached while in the campaign; 95% intervals):");
        var table = new Table().AddColumns("campaign", "sent", "opens", "clicks", "conversions", "organic", "unsubscribes", "treated", "reactivated (treated)", "holdout", "reactivated (holdout)", "uplift");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var c in forecast.Campaigns)
        {
            table.AddRow(
                Markup.Escape(c.Campaign), N(c.Sent), N(c.Opens), N(c.Clicks), N(c.Conversions), N(c.OrganicConversions), N(c.Unsubscribes),
                N(c.Treated), Rate(c.TreatedReactivated, c.TreatedRate), N(c.Control), c.Control == 0 ? "-" : Rate(c.ControlReactivated, c.ControlRate),
                c.Control == 0 ? "no holdout" : Points(c.Uplift));
        }

        console.Write(table);
        foreach (var c in forecast.Campaigns.Where(c => c.Control > 0 && c.Treated > 0))
        {
            var extra = c.IncrementalReactivations;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Campaign}: {c.TreatedReactivated:N0} expected reactivations among {c.Treated:N0} treated contacts, {extra.Estimate:N0} of them due to the campaign (95% interval {extra.Low:N0} to {extra.High:N0})."));
        }
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(int count, ProportionInterval rate) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} ({rate.Estimate * 100:0.0}%, {rate.Low * 100:0.0}-{rate.High * 100:0.0}%)");

    private static string Points(ProportionInterval uplift) =>
        string.Create(CultureInfo.InvariantCulture, $"{uplift.Estimate * 100:+0.0;-0.0;0.0} pp ({uplift.Low * 100:+0.0;-0.0;0.0} to {uplift.High * 100:+0.0;-0.0;0.0})");
}
