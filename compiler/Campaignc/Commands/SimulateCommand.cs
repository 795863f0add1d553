using System.CommandLine;
using System.Globalization;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Compiler;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Compiler.Semantics.Importing;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using Spectre.Console;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc simulate FILE|PLAN... --data SOURCE --start DATE --days N [--out timeline.csv|.jsonl] [--seed N]</c>:
/// a dry run of campaigns against contact data on a virtual clock, printing a summary per stage and optionally
/// writing the timeline. Nothing is sent. The rules are in docs/runtime.md ("Scheduling").
/// </summary>
public static class SimulateCommand
{
    public sealed record SimulateRequest(
        IReadOnlyList<string> Paths, IReadOnlyList<string> Data, string Start, int Days, string? Out, long Seed, string? ConfigPath);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("files") { Description = ".campaign files or folders (compiled in-process) and .plan.json files.", Arity = ArgumentArity.OneOrMore };
        var data = new Option<string[]>("--data")
        {
            Description = "The contacts: a campaignc.yaml (its runtime.data), a SQLite store (.db, .sqlite) or canonical CSV files (contacts, and optionally events).",
            AllowMultipleArgumentsPerToken = true,
            Required = true,
        };
        var start = new Option<string>("--start") { Description = "The first simulated day, yyyy-MM-dd (midnight UTC).", Required = true };
        var days = new Option<int>("--days") { Description = "How many days to simulate.", DefaultValueFactory = _ => 60 };
        var output = new Option<string?>("--out") { Description = "Write the timeline to this .csv or .jsonl file." };
        var seed = new Option<long>("--seed") { Description = "Salts where sends land inside timing windows (holdout and A/B stay fixed per contact)." };
        var config = new Option<string?>("--config") { Description = "The campaignc.yaml to use (default: the nearest one)." };
        var command = new Command("simulate", "Dry-run campaigns against contact data on a virtual clock: who gets what, and when.")
        {
            paths, data, start, days, output, seed, config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new SimulateRequest(result.GetValue(paths) ?? [], result.GetValue(data) ?? [], result.GetValue(start)!, result.GetValue(days), result.GetValue(output),
                result.GetValue(seed), result.GetValue(config)),
            stdout, stderr, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(SimulateRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var cwd = Directory.GetCurrentDirectory();
        if (!DateOnly.TryParseExact(request.Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDate))
        {
            return Usage(stderr, [$"--start '{request.Start}' is not a date; write it as yyyy-MM-dd, such as 2026-01-05"]);
        }

        if (request.Days is < 1 or > 3660)
        {
            return Usage(stderr, [$"--days {request.Days.ToString(CultureInfo.InvariantCulture)} is out of range; give 1 to 3660"]);
        }

        bool? jsonLines = null;
        if (request.Out is { } outPath && (jsonLines = TimelineWriter.IsJsonLines(outPath)) is null)
        {
            return Usage(stderr, [$"--out '{outPath}' must end in .csv or .jsonl"]);
        }

        var config = ConfigurationInput.Load(request.ConfigPath, [.. request.Paths.Where(p => !IsPlan(p))], cwd, LintRules.Registry);
        if (config.Problem is not null)
        {
            return Usage(stderr, [config.Problem]);
        }

        var plans = LoadPlans(request.Paths, config.Loaded.Configuration, cwd, stderr, out var failure);
        if (plans is null)
        {
            return failure;
        }

        var problems = new DataProblemLog();
        IContactSource source;
        try
        {
            var opened = await DataSourceInput.OpenAsync(request.Data, config, cwd, problems, stderr, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.UsageError;
            }

            source = opened;
        }
        catch (DataSourceException e)
        {
            return await DataFailureAsync(e, stderr).ConfigureAwait(false);
        }

        var period = SimulationPeriod.FromDays(new DateTimeOffset(startDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), request.Days, request.Seed);
        SimulationSummary summary;
        TimelineWriter? writer = null;
        try
        {
            await using (source.ConfigureAwait(false))
            {
                if (request.Out is { } path)
                {
                    var full = Path.GetFullPath(path, cwd);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    writer = new TimelineWriter(new StreamWriter(full, false, new System.Text.UTF8Encoding(false)), jsonLines == true);
                }

                summary = await CampaignSimulator.RunAsync(plans, source, period, entry => writer?.Write(entry), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DataSourceException e)
        {
            return await DataFailureAsync(e, stderr).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(stderr, [$"cannot write '{request.Out}': {e.Message}"]);
        }
        finally
        {
            writer?.Dispose();
        }

        foreach (var problem in problems.Kept.Take(20))
        {
            await stderr.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }

        SimulationReport.Write(summary, plans, period, request.Days, problems.Count, Console(stdout));
        if (request.Out is not null)
        {
            await stdout.WriteLineAsync($"Timeline written to {request.Out}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static List<CampaignPlan>? LoadPlans(IReadOnlyList<string> paths, ProjectConfiguration configuration, string cwd, TextWriter stderr, out int failure)
    {
        failure = ExitCodes.Success;
        var plans = new List<CampaignPlan>();
        foreach (var plan in paths.Where(IsPlan))
        {
            var read = PlanReader.ReadFile(Path.GetFullPath(plan, cwd));
            if (!read.Succeeded)
            {
                failure = Usage(stderr, [read.Error!]);
                return null;
            }

            plans.Add(read.Plan!);
        }

        var sources = paths.Where(p => !IsPlan(p)).ToList();
        if (sources.Count > 0)
        {
            var found = SourceFileFinder.Find(sources, cwd);
            if (found.Problems.Count > 0)
            {
                failure = Usage(stderr, found.Problems);
                return null;
            }

            var files = new List<(string, byte[])>();
            foreach (var file in found.Files)
            {
                try
                {
                    files.Add((SourceFileFinder.Display(file, cwd), File.ReadAllBytes(file)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failure = Usage(stderr, [$"cannot read '{SourceFileFinder.Display(file, cwd)}': {e.Message}"]);
                    return null;
                }
            }

            var options = new CompilationOptions
                {
                    Templates = new FileSystemTemplateSource(configuration.Templates.Folders),
                    Imports = new FileSystemImportSource(),
                }
                .WithConfiguration(configuration);
            var compilation = CampaignCompilation.Compile(files, options);
            var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
            var emitted = errors.Count == 0 ? PlanEmitter.Emit(compilation, options) : null;
            if (emitted is null || !emitted.Succeeded)
            {
                foreach (var diagnostic in errors.Concat(emitted?.Diagnostics.Where(d => d.IsError) ?? []))
                {
                    stderr.WriteLine(diagnostic.ToString());
                }

                failure = ExitCodes.CampaignErrors;
                return null;
            }

            plans.AddRange(emitted.Plans.Select(p => p.Plan));
        }

        if (plans.Count == 0)
        {
            failure = Usage(stderr, ["the files hold no campaign to simulate"]);
            return null;
        }

        var twice = plans.GroupBy(p => p.Campaign.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            failure = Usage(stderr, [$"campaign {twice.Key} is given twice; simulate each campaign once"]);
            return null;
        }

        return plans;
    }

    private static async Task<int> DataFailureAsync(DataSourceException e, TextWriter stderr)
    {
        foreach (var problem in e.Problems)
        {
            await stderr.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync($"campaignc: error: {e.Message}").ConfigureAwait(false);
        return e.Problems.Count > 0 ? ExitCodes.CampaignErrors : ExitCodes.UsageError;
    }

    private static bool IsPlan(string path) => path.EndsWith(".plan.json", StringComparison.OrdinalIgnoreCase);

    private static IAnsiConsole Console(TextWriter stdout)
    {
        var toTerminal = !System.Console.IsOutputRedirected && ReferenceEquals(stdout, System.Console.Out);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = toTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = toTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = toTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!toTerminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    private static int Usage(TextWriter stderr, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine($"campaignc: error: {problem}");
        }

        return ExitCodes.UsageError;
    }
}
