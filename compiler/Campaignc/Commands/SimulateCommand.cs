using System.CommandLine;
using System.Globalization;
using Campaignc.Input;
using Campaignc.Output;
using Campaignc.Output.Html;
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
using CampaignDsl.Runtime.Simulation.Report;
using Spectre.Console;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc simulate FILE|PLAN... --data SOURCE --start DATE --days N [--out timeline.csv|.jsonl] [--seed N] [--report FILE.html]</c>:
/// a dry run of campaigns against contact data on a virtual clock, printing a summary per stage and per day and optionally
/// writing the timeline and an HTML report. Nothing is sent. The rules are in docs/runtime.md ("Scheduling").
/// </summary>
public static class SimulateCommand
{
    public sealed record SimulateRequest(
        IReadOnlyList<string> Paths, IReadOnlyList<string> Data, string Start, int Days, string? Out, long Seed, string? ConfigPath, string? Report = null, string? Forecast = null);

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
        var seed = new Option<long>("--seed") { Description = "Salts where sends land inside timing windows, and seeds --forecast (holdout and A/B stay fixed per contact)." };
        var config = new Option<string?>("--config") { Description = "The campaignc.yaml to use (default: the nearest one)." };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report (chart, funnel, A/B split, holdout, sample messages) to this .html file." };
        var forecast = new Option<string?>("--forecast")
        {
            Description = "How contacts react: none (the data's own events only) or benchmark (opens, clicks, purchases and unsubscribes drawn from benchmark rates, seeded by --seed).",
        };
        forecast.AcceptOnlyFromAmong(ForecastInput.None, ForecastInput.Benchmark);
        var command = new Command("simulate", "Dry-run campaigns against contact data on a virtual clock: who gets what, and when.")
        {
            paths, data, start, days, output, seed, config, report, forecast,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new SimulateRequest(result.GetValue(paths) ?? [], result.GetValue(data) ?? [], result.GetValue(start)!, result.GetValue(days), result.GetValue(output),
                result.GetValue(seed), result.GetValue(config), result.GetValue(report), result.GetValue(forecast)),
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

        if (request.Report is { } reportPath && !reportPath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !reportPath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return Usage(stderr, [$"--report '{reportPath}' must end in .html"]);
        }

        var config = ConfigurationInput.Load(request.ConfigPath, [.. request.Paths.Where(p => !PlanInput.IsPlan(p))], cwd, LintRules.Registry);
        if (config.Problem is not null)
        {
            return Usage(stderr, [config.Problem]);
        }

        if (ForecastInput.ConfigurationErrors(request.Forecast, config.Loaded) is { Count: > 0 } configurationErrors)
        {
            foreach (var error in configurationErrors)
            {
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
            }

            return ExitCodes.CampaignErrors;
        }

        var forecast = ForecastInput.Create(request.Forecast, config.Loaded.Configuration, request.Seed, out var forecastProblem);
        if (forecastProblem is not null)
        {
            return Usage(stderr, [forecastProblem]);
        }

        // Plugin scripts run once, before the plans compile: they add functions and data sources.
        if (PluginInput.Start(config.Loaded.Configuration, cwd, stderr, out var plugins) is not { } pluginKinds)
        {
            return ExitCodes.CampaignErrors;
        }

        var loaded = PlanInput.Load(request.Paths, config.Loaded.Configuration, cwd, stderr, "simulate", out var failure, plugins.Functions);
        if (loaded is null)
        {
            return failure;
        }

        var plans = loaded.Select(p => p.Plan).ToList();
        var campaignPaths = loaded.ToDictionary(p => p.Plan.Campaign.Name, p => p.CampaignPath, StringComparer.Ordinal);

        var problems = new DataProblemLog();
        IContactSource source;
        try
        {
            var opened = await DataSourceInput.OpenAsync(request.Data, config, cwd, problems, stderr, pluginKinds, cancellationToken).ConfigureAwait(false);
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
        var console = Console(stdout);
        var observations = request.Report is null ? null : new ReportObservations();
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

                summary = await SimulationProgress.RunAsync(console, Interactive(stdout), source, observe => CampaignSimulator.RunAsync(
                    plans, source, period, entry => writer?.Write(entry), (history, timeline) =>
                    {
                        observations?.Observe(history, timeline);
                        observe();
                    }, forecast, cancellationToken), cancellationToken).ConfigureAwait(false);
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

        SimulationReport.Write(summary, plans, period, request.Days, problems.Count, console);
        if (request.Out is not null)
        {
            await stdout.WriteLineAsync($"Timeline written to {request.Out}").ConfigureAwait(false);
        }

        if (request.Report is { } reportFile)
        {
            var reported = plans.Select(p => new ReportedCampaign(p, campaignPaths.GetValueOrDefault(p.Campaign.Name, p.Source))).ToList();
            var model = SimulationReportBuilder.Build(summary, observations!, reported, period, request.Days, $"{source.Kind}: {(request.Data.Count > 0 ? string.Join(' ', request.Data) : "runtime.data of " + (config.Loaded.Configuration.FilePath ?? "campaignc.yaml"))}",
                problems.Count, new FileSystemTemplateSource(config.Loaded.Configuration.Templates.Folders, CampaignDsl.Compiler.Files.ProjectRoot.For(config.Loaded.Configuration.FilePath)));
            try
            {
                var full = Path.GetFullPath(reportFile, cwd);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, HtmlReportWriter.Write(model), new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Usage(stderr, [$"cannot write '{reportFile}': {e.Message}"]);
            }

            await stdout.WriteLineAsync($"Report written to {reportFile}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
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

    /// <summary>A person watching: stdout is this process's own terminal, and not a CI job's log.</summary>
    private static bool Interactive(TextWriter stdout) =>
        !System.Console.IsOutputRedirected && ReferenceEquals(stdout, System.Console.Out)
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"));

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
