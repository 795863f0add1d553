using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CampaignDsl.Bench;
using CampaignDsl.Bench.Corpus;
using CampaignDsl.Bench.Measuring;
using CampaignDsl.Bench.Report;
using CampaignDsl.Compiler;

// Measures `campaignc validate` as CI runs it: separate processes of the built tool over a generated
// corpus, compared with the tool's bare start-up in the same run. Prints figures; asserts nothing about time.
var (options, error) = BenchOptions.Parse(args);
if (options is null || options.Help)
{
    (options is null ? Console.Error : Console.Out).WriteLine(error is null ? BenchOptions.Usage : $"bench: {error}\n\n{BenchOptions.Usage}");
    return options is null ? 2 : 0;
}

try
{
    return options.StageProfileFolder is { } folder ? StageProfile.Run(folder, warmRounds: 5, Console.Out) : Measure(options);
}
catch (BenchFailure failure)
{
    Console.Out.Flush();
    Console.Error.WriteLine($"\nbench: FAILED: {failure.Message}");
    return 3;
}

static int Measure(BenchOptions options)
{
    var tool = LocateTool(options.Campaignc);
    var runner = new ToolRunner(tool);
    var scratch = Directory.CreateTempSubdirectory("campaign-bench-");
    try
    {
        var generator = new CampaignGenerator(options.Seed);
        Console.Error.WriteLine($"bench: writing the corpus to {scratch.FullName}");
        var valid = CorpusFolder.Write(Path.Combine(scratch.FullName, "valid"), options.Files, generator, withFaults: false);
        var withErrors = CorpusFolder.Write(Path.Combine(scratch.FullName, "errors"), options.Files, generator, withFaults: true);
        var large = options.Large ? CorpusFolder.Write(Path.Combine(scratch.FullName, "large"), options.Files * 10, generator, withFaults: false) : null;

        Console.Error.WriteLine($"bench: compiling in-process ({options.Runs} warm runs after the first)");
        var inProcess = InProcessCompile.Measure(Load(valid), options.Runs);
        CorpusCheck.ExpectValid(valid, inProcess.First);
        var errorCompilation = CampaignCompilation.Compile(Load(withErrors));
        var errorCodes = CorpusCheck.ExpectFaults(withErrors, errorCompilation);
        if (large is not null)
        {
            CorpusCheck.ExpectValid(large, CampaignCompilation.Compile(Load(large)));
        }

        var cases = new List<ToolCase>
        {
            new("campaignc --version (start-up)", scratch.FullName, ["--version"], 0, Output(@"^\d+\.\d+")),
            new(BenchReport.ValidLabel(1), valid.Root, ["validate", Path.GetRelativePath(valid.Root, valid.Files[0])], 0, Summary(1, errors: false)),
            new(BenchReport.ValidLabel(valid.Files.Count), valid.Root, ["validate", "campaigns"], 0, Summary(valid.Files.Count, errors: false)),
            new(string.Create(CultureInfo.InvariantCulture, $"validate {withErrors.Files.Count:N0} files, {withErrors.Faults.Count:N0} with errors"),
                withErrors.Root, ["validate", "campaigns"], 1, Summary(withErrors.Files.Count, errors: true)),
        };
        if (large is not null)
        {
            cases.Add(new(BenchReport.ValidLabel(large.Files.Count), large.Root, ["validate", "campaigns"], 0, Summary(large.Files.Count, errors: false)));
        }

        // One campaign of many stages, at two sizes: validate and compile must stay linear in the number of stages.
        var longFolder = Path.Combine(scratch.FullName, "long");
        var stageCases = new List<(int Stages, ToolCase Validate, ToolCase Compile)>();
        foreach (var stages in (int[])[3_000, 12_000])
        {
            var file = LongCampaign.Write(longFolder, stages);
            stageCases.Add((stages,
                new(string.Create(CultureInfo.InvariantCulture, $"validate 1 campaign of {stages:N0} stages"), longFolder, ["validate", file], 0, Summary(1, errors: false)),
                new(string.Create(CultureInfo.InvariantCulture, $"compile 1 campaign of {stages:N0} stages"), longFolder, ["compile", file, "-o", file + ".plan.json"], 0,
                    Output("long_sequence"))));
        }

        cases.AddRange(stageCases.SelectMany(c => new[] { c.Validate, c.Compile }));

        Console.Error.WriteLine($"bench: running {tool} ({cases.Count} cases x {options.Runs} runs)");
        var results = InterleavedRuns.Measure(runner, cases, options.Runs, Console.Error);

        var report = new BenchReport(tool, runner.IsAppHost, runner.MeasuresMemory, options.Runs, options.Seed, valid, withErrors,
            errorCodes.Values.Sum(), CorpusCheck.FaultsWithOtherCodes(withErrors, errorCompilation), results, inProcess);
        Console.WriteLine();
        report.Write(Console.Out);
        if (options.Markdown)
        {
            report.WriteMarkdown(Console.Out);
        }

        WriteStageScaling(results, report.StartUp.WallMs.Median, stageCases);

        var oneThousand = results.First(r => r.Case.Label == BenchReport.ValidLabel(valid.Files.Count));
        if (!options.Profile && oneThousand.WallMs.Median > 2 * report.StartUp.WallMs.Median)
        {
            Console.WriteLine();
            Console.WriteLine("Validating the corpus takes more than twice the start-up; --profile breaks it down by stage.");
        }

        if (options.Profile)
        {
            Console.WriteLine();
            ProfileInFreshProcess(Path.Combine(valid.Root, "campaigns"));
        }

        return 0;
    }
    finally
    {
        if (options.Keep)
        {
            Console.Error.WriteLine($"bench: the corpus is kept in {scratch.FullName}");
        }
        else
        {
            scratch.Delete(recursive: true);
        }
    }
}

// Twice the stages should cost about twice the time above start-up: a ratio near the stages' ratio is linear, near
// its square quadratic.
static void WriteStageScaling(IReadOnlyList<CaseResult> results, double startUpMs, List<(int Stages, ToolCase Validate, ToolCase Compile)> cases)
{
    Console.WriteLine();
    Console.WriteLine("Cost in the number of stages (median wall time above start-up):");
    var (small, big) = (cases[0], cases[^1]);
    foreach (var (verb, pick) in new (string, Func<(int, ToolCase Validate, ToolCase Compile), ToolCase>)[] { ("validate", c => c.Validate), ("compile", c => c.Compile) })
    {
        var smallMs = results.First(r => r.Case == pick(small)).WallMs.Median - startUpMs;
        var bigMs = results.First(r => r.Case == pick(big)).WallMs.Median - startUpMs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {verb}: {small.Stages:N0} stages {smallMs:F0} ms, {big.Stages:N0} stages {bigMs:F0} ms: x{bigMs / Math.Max(1, smallMs):F2} for x{(double)big.Stages / small.Stages:F1} the stages"));
    }
}

// By default campaignc is looked for where the build put it beside this benchmark: with an artifacts
// path in bin/Campaignc/<config>/, else in compiler/Campaignc/bin/<Config>/<tfm>/.
static string LocateTool(string? given)
{
    var here = new DirectoryInfo(AppContext.BaseDirectory);
    string[] candidates = given is not null
        ? [Path.GetFullPath(given)]
        :
        [
            Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "Campaignc", here.Name, "campaignc")),
            Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "compiler", "Campaignc", "bin", here.Parent!.Name, here.Name, "campaignc")),
        ];
    return candidates.FirstOrDefault(File.Exists)
        ?? throw new BenchFailure($"campaignc not found at {string.Join(" or ", candidates)}; build it (bench/run.sh does) or pass --campaignc PATH");
}

static List<(string Path, byte[] Content)> Load(CorpusFolder corpus) => [.. corpus.Files.Select(f => (f, File.ReadAllBytes(f)))];

static Regex Output(string pattern) => new(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant);

// The text format ends with "N files checked: E errors, W warnings" (N with or without thousands separators).
static Regex Summary(int files, bool errors) =>
    Output($@"^(?:{files}|{files.ToString("N0", CultureInfo.InvariantCulture)}) files? checked: {(errors ? "[1-9][0-9,]* errors?" : "0 errors")},");

static void ProfileInFreshProcess(string folder)
{
    var self = Environment.ProcessPath ?? throw new BenchFailure("cannot tell where the benchmark itself is, to profile in a fresh process");
    var start = new ProcessStartInfo(self) { UseShellExecute = false };
    if (self.EndsWith("dotnet", StringComparison.Ordinal))
    {
        start.ArgumentList.Add(typeof(BenchOptions).Assembly.Location);
    }

    start.ArgumentList.Add("--stage-profile");
    start.ArgumentList.Add(folder);
    Console.Out.Flush();
    using var child = Process.Start(start) ?? throw new BenchFailure("could not start the stage profile");
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        throw new BenchFailure($"the stage profile failed with exit code {child.ExitCode}");
    }
}
