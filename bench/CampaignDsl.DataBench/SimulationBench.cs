using System.Diagnostics;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;

namespace CampaignDsl.DataBench;

/// <summary>
/// Measures <c>campaignc simulate</c>'s engine on generated stores: each size's store is generated once (cached by
/// contacts, events per contact and seed), then every run simulates the plan in a fresh child process, writing the
/// timeline to a CSV file as a user would, so that each run's peak memory (VmHWM) is its own. Prints medians.
/// </summary>
internal static class SimulationBench
{
    /// <summary>The options of a <c>simulate</c> benchmark.</summary>
    public sealed record Options(IReadOnlyList<int> Sizes, int EventsPerContact, int Days, int Runs, int Seed, string Plan, string Cache, bool ReadOnly);

    /// <summary>What one child process measured.</summary>
    private sealed record RunFigures(long Contacts, long Rows, long Entered, double WallSeconds, double CpuSeconds, double PeakMb);

    public static async Task<int> RunAsync(Options options)
    {
        Directory.CreateDirectory(options.Cache);
        var results = new List<(int Size, long Events, List<RunFigures> Runs)>();
        foreach (var size in options.Sizes)
        {
            var (store, events) = await StoreAsync(options, size).ConfigureAwait(false);
            var runs = new List<RunFigures>();
            for (var run = 0; run < options.Runs; run++)
            {
                runs.Add(await ChildAsync(options, store).ConfigureAwait(false));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench: {size:N0} contacts, run {run + 1}: {runs[^1].WallSeconds:0.00} s wall, {runs[^1].CpuSeconds:0.00} s CPU, {runs[^1].PeakMb:N0} MB peak"));
            }

            results.Add((size, events, runs));
        }

        Console.WriteLine(options.ReadOnly
            ? "Reading contact histories only (no scheduling, no timeline):"
            : $"we_miss_you over {options.Days} days from {ContactDataGenerator.Now:yyyy-MM-dd}, timeline to CSV; medians of {options.Runs} runs, each in a fresh process:");
        Console.WriteLine();
        Console.WriteLine("| contacts | events | entered | timeline rows | wall s | CPU s | contacts/s (wall) | peak RSS MB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (size, events, runs) in results)
        {
            var wall = Median(runs.Select(r => r.WallSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {events:N0} | {runs[0].Entered:N0} | {runs[0].Rows:N0} | {wall:0.00} | {Median(runs.Select(r => r.CpuSeconds)):0.00} | {size / wall:N0} | {runs.Max(r => r.PeakMb):N0} |"));
        }

        for (var i = 1; i < results.Count; i++)
        {
            var (small, large) = (results[0], results[i]);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{large.Size:N0} vs {small.Size:N0} contacts ({(double)large.Size / small.Size:0.#}x): {Median(large.Runs.Select(r => r.WallSeconds)) / Median(small.Runs.Select(r => r.WallSeconds)):0.00}x the wall time, {Median(large.Runs.Select(r => r.CpuSeconds)) / Median(small.Runs.Select(r => r.CpuSeconds)):0.00}x the CPU time."));
        }

        return 0;
    }

    /// <summary>The child's side: one simulation (or one read of the histories), then one <c>RESULT</c> line.</summary>
    /// <param name="pushDown">False reads every contact's history, to compare with the store's push-down.</param>
    /// <param name="keep">Where to keep the timeline (to compare two builds' output); by default it goes to a temporary file, deleted.</param>
    public static async Task<int> OnceAsync(string storePath, string planPath, int days, bool readOnly, string? keep = null, bool pushDown = true)
    {
        var read = PlanReader.ReadFile(planPath);
        if (read.Plan is not { } plan)
        {
            Console.Error.WriteLine(read.Error);
            return 2;
        }

        var output = keep ?? Path.Combine(Path.GetTempPath(), $"campaign-sim-bench-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.csv");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long rows = 0, contacts = 0, entered = 0;
        await using (var store = await ContactStore.OpenAsync(storePath).ConfigureAwait(false))
        {
            var source = store.AsSource();
            if (readOnly)
            {
                await foreach (var history in ContactHistories.ReadAsync(source).ConfigureAwait(false))
                {
                    contacts++;
                    rows += history.Events.Count;
                }
            }
            else
            {
                using var writer = new TimelineWriter(new StreamWriter(output, false, new System.Text.UTF8Encoding(false), 1 << 16), jsonLines: false);
                var summary = await CampaignSimulator.RunAsync([plan], source, SimulationPeriod.FromDays(ContactDataGenerator.Now, days),
                    entry =>
                    {
                        rows++;
                        writer.Write(entry);
                    }, observe: null, forecast: null, pushDown).ConfigureAwait(false);
                contacts = summary.Contacts;
                entered = summary.Entered(plan.Campaign.Name);
            }
        }

        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        if (keep is null)
        {
            File.Delete(output);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {contacts} {rows} {entered} {clock.Elapsed.TotalSeconds:R} {cpu:R} {PeakMegabytes():R}"));
        return 0;
    }

    internal static async Task<(string Path, long Events)> StoreAsync(Options options, int size)
    {
        var path = Path.Combine(options.Cache, string.Create(CultureInfo.InvariantCulture, $"contacts-{size}-events-{options.EventsPerContact}-seed-{options.Seed}.db"));
        if (!File.Exists(path))
        {
            var partial = path + ".partial";
            File.Delete(partial);
            var clock = Stopwatch.StartNew();
            long generated;
            using (var sink = await StoreDataSink.CreateAsync(partial).ConfigureAwait(false))
            {
                (_, generated) = new ContactDataGenerator(options.Seed, options.EventsPerContact).Write(sink, size);
                sink.Complete();
            }

            File.Move(partial, path);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: generated {size:N0} contacts and {generated:N0} events into {path} in {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        await using var store = await ContactStore.OpenAsync(path).ConfigureAwait(false);
        var (_, events) = await store.CountAsync().ConfigureAwait(false);
        return (path, events);
    }

    private static async Task<RunFigures> ChildAsync(Options options, string store)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "simulate-once", "--store", store, "--plan", options.Plan, "--days", options.Days.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.ReadOnly)
        {
            start.ArgumentList.Add("--read-only");
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await child.WaitForExitAsync().ConfigureAwait(false);
        var result = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))?.Split(' ');
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"the simulation run failed (exit code {child.ExitCode}): {output}");
        }

        double D(int i) => double.Parse(result[i], CultureInfo.InvariantCulture);
        return new RunFigures((long)D(1), (long)D(2), (long)D(3), D(4), D(5), D(6));
    }

    /// <summary>The process's peak resident set (VmHWM), which unlike the working set counts native memory such as SQLite's cache.</summary>
    private static double PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024)
            : double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
