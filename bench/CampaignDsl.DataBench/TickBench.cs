using System.Diagnostics;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.DataBench;

/// <summary>
/// Measures <c>campaignc run</c>'s ticks on the simulate benchmark's generated stores: the first tick (the campaign starts:
/// its first daily audience check, every entrant's first stage rendered into the outbox), ticks with nothing due (a minute
/// on), and the tick a week in, when the second stage falls due, beside a simulation of the same week in the same process:
/// what each pass of a run cost when it replayed every contact. Prints medians and the ratios; asserts nothing about time.
/// </summary>
internal static class TickBench
{
    public sealed record Options(IReadOnlyList<int> Sizes, int EventsPerContact, int Runs, int Seed, string Plan, string Cache);

    public static async Task<int> RunAsync(Options options)
    {
        Directory.CreateDirectory(options.Cache);
        var read = PlanReader.ReadFile(options.Plan);
        if (read.Plan is not { } plan)
        {
            Console.Error.WriteLine(read.Error);
            return 2;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Plan))!;
        var campaign = new RunCampaign(plan, options.Plan, (PlanTemplate template, out string? problem) =>
        {
            // Only files in the plan's own folder are read, whatever path the plan names.
            var path = Path.GetFullPath(template.Path, folder);
            problem = path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)
                ? null
                : $"template '{template.Path}' is not in the plan's folder";
            return problem is null ? File.ReadAllText(path) : null;
        });

        Console.WriteLine($"we_miss_you ticks on generated stores, SQLite run state, campaign started {ContactDataGenerator.Now:yyyy-MM-dd}; medians of {options.Runs} idle ticks:");
        Console.WriteLine();
        Console.WriteLine("| contacts | first tick s | journeys / sends | idle tick s | tick at +7d s | journeys / sends due | simulate 7d s (a replayed pass) | replay / idle tick |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in options.Sizes)
        {
            var store = await SimulationBench.StoreAsync(new SimulationBench.Options([size], options.EventsPerContact, 7, options.Runs, options.Seed, options.Plan, options.Cache, false), size)
                .ConfigureAwait(false);
            await OneSizeAsync(campaign, store.Path, size, options.Runs).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task OneSizeAsync(RunCampaign campaign, string storePath, int size, int runs)
    {
        var statePath = Path.Combine(Path.GetTempPath(), $"campaign-tick-bench-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.db");
        foreach (var leftover in new[] { statePath, statePath + "-wal", statePath + "-shm" })
        {
            File.Delete(leftover);
        }

        try
        {
            await using var store = await ContactStore.OpenAsync(storePath).ConfigureAwait(false);
            var start = ContactDataGenerator.Now;
            var (firstSeconds, first) = await TickAsync(campaign, store, statePath, start).ConfigureAwait(false);
            var idle = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var (seconds, result) = await TickAsync(campaign, store, statePath, start.AddMinutes(run)).ConfigureAwait(false);
                if (result.Contacts != 0)
                {
                    throw new InvalidOperationException($"an idle tick advanced {result.Contacts} journeys");
                }

                idle.Add(seconds);
            }

            var (dueSeconds, due) = await TickAsync(campaign, store, statePath, start.AddDays(7)).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var rows = 0L;
            await CampaignSimulator.RunAsync([campaign.Plan], store.AsSource(), new SimulationPeriod(start, start.AddDays(7).AddTicks(1)), _ => rows++).ConfigureAwait(false);
            var replay = clock.Elapsed.TotalSeconds;
            var idleMedian = Median(idle);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {firstSeconds:0.00} | {first.Contacts:N0} / {first.NewSends:N0} | {idleMedian:0.000} | {dueSeconds:0.00} | {due.Contacts:N0} / {due.NewSends:N0} | {replay:0.00} | {replay / idleMedian:N0}x |"));
        }
        finally
        {
            foreach (var leftover in new[] { statePath, statePath + "-wal", statePath + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }

    private static async Task<(double Seconds, PlanningResult Result)> TickAsync(RunCampaign campaign, ContactStore store, string statePath, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        await using var state = await RunState.OpenAsync(statePath).ConfigureAwait(false);
        var settings = new RunSettings(now, "bench", "file", MessageLinks.Default, TimeSpan.FromMinutes(10));
        var running = await state.ApplyPlanAsync(campaign.Name, campaign.Version, campaign.Source, [.. campaign.Plan.Stages.Select(s => s.Name)], now).ConfigureAwait(false);
        var result = await new RunTick(state, [campaign], settings).RunAsync(store.AsSource(), new Dictionary<string, RunningCampaign> { [campaign.Name] = running })
            .ConfigureAwait(false);
        return (clock.Elapsed.TotalSeconds, result);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
