using System.Globalization;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Simulation;
using Spectre.Console;

namespace Campaignc.Output;

/// <summary>
/// A progress bar over the contacts while a simulation runs, for a person at a terminal only: redirected output
/// and CI logs get nothing. A source that can count its contacts cheaply (the SQLite store) shows a fraction and
/// an estimate; one that cannot (CSV files) shows a running count with an indeterminate bar.
/// </summary>
public static class SimulationProgress
{
    private const int DescriptionEvery = 997;

    /// <summary>Runs <paramref name="run"/>, which calls the action it is given once per contact simulated.</summary>
    public static async Task<SimulationSummary> RunAsync(
        IAnsiConsole console, bool show, IContactSource source, Func<Action, Task<SimulationSummary>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        if (!show)
        {
            return await run(static () => { }).ConfigureAwait(false);
        }

        long? total = source is IContactCounter counter ? await counter.CountContactsAsync(cancellationToken).ConfigureAwait(false) : null;
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("simulating", maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                long done = 0;
                var summary = await run(() =>
                {
                    done++;
                    if (total is not null)
                    {
                        task.Increment(1);
                    }

                    if (done % DescriptionEvery == 0)
                    {
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"simulating: {done:N0} contacts");
                    }
                }).ConfigureAwait(false);
                task.Value = task.MaxValue;
                task.StopTask();
                return summary;
            }).ConfigureAwait(false);
    }
}
