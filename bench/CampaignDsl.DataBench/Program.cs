using System.Diagnostics;
using System.Globalization;
using CampaignDsl.DataBench;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Sqlite;

// generate: writes seeded example data (examples/data is made with --contacts 300 --seed 42).
// import:   generates N contacts into a temporary folder and imports them into a new store,
//           printing rows/s and the process's peak memory. Asserts nothing about time.
// simulate: simulates a plan on generated stores (cached), each run in a fresh child process (simulate-once),
//           printing medians of wall and CPU time, contacts/s and peak RSS (normally bench/simulate.sh);
//           simulate-once --timeline FILE keeps a run's timeline, to compare two builds' output; --no-pushdown reads
//           every contact's history even where the store can say who may enter (to compare with push-down).
const string Usage = """
    Usage: CampaignDsl.DataBench generate --contacts N [--seed S] --out FOLDER
           CampaignDsl.DataBench import [--contacts N[,N...]] [--seed S]      (normally bench/import.sh)
           CampaignDsl.DataBench simulate --plan PLAN --cache FOLDER [--contacts N[,N...]] [--events-per-contact E]
                                 [--days D] [--runs R] [--seed S] [--read-only]   (normally bench/simulate.sh)
           CampaignDsl.DataBench tick --plan PLAN --cache FOLDER [--contacts N[,N...]] [--runs R]   (normally bench/tick.sh)
    """;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var seed = int.Parse(Option("--seed") ?? "42", CultureInfo.InvariantCulture);
switch (args.FirstOrDefault())
{
    case "generate" when Option("--out") is { } folder && Option("--contacts") is { } count:
        var (contacts, events) = new ContactDataGenerator(seed).Write(folder, int.Parse(count, CultureInfo.InvariantCulture));
        Console.WriteLine($"wrote {contacts:N0} contacts and {events:N0} events to {folder}");
        return 0;
    case "import":
        var sizes = (Option("--contacts") ?? "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture));
        Console.WriteLine("| contacts | events | rows | import s (wall) | rows/s (wall) | CPU s | rows per CPU s | store MB | peak memory MB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            await ImportOnce(size, seed);
        }

        return 0;
    case "simulate" when Option("--plan") is { } plan && Option("--cache") is { } cache:
        return await SimulationBench.RunAsync(new SimulationBench.Options(
            (Option("--contacts") ?? "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
            int.Parse(Option("--events-per-contact") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Option("--days") ?? "60", CultureInfo.InvariantCulture),
            int.Parse(Option("--runs") ?? "3", CultureInfo.InvariantCulture),
            seed, plan, cache, args.Contains("--read-only")));
    case "tick" when Option("--plan") is { } plan && Option("--cache") is { } cache:
        return await TickBench.RunAsync(new TickBench.Options(
            (Option("--contacts") ?? "100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
            int.Parse(Option("--events-per-contact") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Option("--runs") ?? "5", CultureInfo.InvariantCulture),
            seed, plan, cache));
    case "simulate-once" when Option("--store") is { } store && Option("--plan") is { } plan:
        return await SimulationBench.OnceAsync(store, plan, int.Parse(Option("--days") ?? "60", CultureInfo.InvariantCulture), args.Contains("--read-only"), Option("--timeline"), !args.Contains("--no-pushdown"));
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

static async Task ImportOnce(int size, int seed)
{
    var scratch = Directory.CreateTempSubdirectory("campaign-data-bench-");
    try
    {
        var (contacts, events) = new ContactDataGenerator(seed).Write(scratch.FullName, size);
        var storePath = Path.Combine(scratch.FullName, "store.db");
        await using var store = await ContactStore.OpenAsync(storePath);
        var problems = new DataProblemLog();
        // CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await DataImporter.RunAsync(store,
            [new ImportFile(Path.Combine(scratch.FullName, "contacts.csv"), "contacts.csv", RecordKind.Contacts),
             new ImportFile(Path.Combine(scratch.FullName, "events.csv"), "events.csv", RecordKind.Events)],
            DataMapping.None, DataSchema.Default, problems);
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        if (!result.Committed || problems.Count > 0 || result.Files[1].Loaded != events)
        {
            throw new InvalidOperationException($"the import lost rows: {problems.Count} problems, {result.Files[1].Loaded} of {events} events");
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        var storeMb = new FileInfo(storePath).Length / (1024.0 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {contacts:N0} | {events:N0} | {result.Rows:N0} | {clock.Elapsed.TotalSeconds:0.0} | {result.Rows / clock.Elapsed.TotalSeconds:N0} | {cpu:0.0} | {result.Rows / cpu:N0} | {storeMb:N0} | {peak:N0} |"));
    }
    finally
    {
        scratch.Delete(recursive: true);
    }
}
