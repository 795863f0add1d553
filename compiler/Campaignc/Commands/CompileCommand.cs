using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Plan;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc compile FILE... [-o PATH] [--format json|yaml]</c>: checks the campaigns like
/// <c>validate</c> and, when none has an error, writes each one's execution plan (docs/plan.md). The
/// diagnostics go to stderr, so that stdout carries nothing but the plan.
/// </summary>
public static class CompileCommand
{
    private static readonly string[] Formats = ["json", "yaml"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Campaign files, folders (searched for *.campaign) or globs, compiled together so that imports resolve. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the plan to this file; with several campaigns, a folder that gets one <campaign>.plan.json (or .yaml) each. Default: stdout (one campaign only).",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Plan format: json (what the runtime reads) or yaml (the same structure, for review).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(Formats);
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Treat warnings as errors: no plan, exit code 1." };
        var config = new Option<string?>("--config")
        {
            Description = "The campaignc.yaml to use. Default: the nearest campaignc.yaml at or above the first path, up to the git repository's root.",
        };

        var command = new Command("compile", "Check campaign files and write the execution plan of each campaign, the contract the runtime executes.")
        {
            paths, output, format, warningsAsErrors, config,
        };
        command.SetAction(result => Run(
            new CompileRequest(
                result.GetValue(paths) ?? [],
                result.GetValue(output),
                result.GetValue(format)!,
                result.GetValue(warningsAsErrors),
                result.GetValue(config)),
            stdout,
            stderr));
        return command;
    }

    public sealed record CompileRequest(IReadOnlyList<string> Paths, string? Output, string Format, bool WarningsAsErrors, string? ConfigPath);

    public static int Run(CompileRequest request, TextWriter stdout, TextWriter stderr)
    {
        var cwd = Directory.GetCurrentDirectory();
        var found = SourceFileFinder.Find(request.Paths, cwd);
        foreach (var warning in found.Warnings)
        {
            stderr.WriteLine($"campaignc: warning: {warning}");
        }

        var config = ConfigurationInput.Load(request.ConfigPath, request.Paths, cwd, LintRules.Registry);
        var problems = config.Problem is null ? found.Problems : [.. found.Problems, config.Problem];
        if (problems.Count > 0)
        {
            return Usage(stderr, problems);
        }

        // Compiled as validate compiles: with the project's plugin functions and the rest of its project (Input/ProjectCompilation).
        var plugins = PluginInput.Compile(config.Loaded.Configuration, cwd);
        var project = ProjectCompilation.Compile(found.Files, config.Loaded.Configuration, plugins.Functions, cwd, out var unreadable);
        if (project is null)
        {
            return Usage(stderr, [unreadable!]);
        }

        var report = ValidationReport.Create(project.GivenCount, [.. config.Loaded.Diagnostics, .. plugins.Diagnostics, .. project.Diagnostics], request.WarningsAsErrors);
        if (report.ErrorCount > 0)
        {
            WriteDiagnostics(report, stderr);
            return ExitCodes.CampaignErrors;
        }

        var emitted = project.Emit();
        if (!emitted.Succeeded)
        {
            WriteDiagnostics(ValidationReport.Create(project.GivenCount, [.. report.Diagnostics, .. emitted.Diagnostics], request.WarningsAsErrors), stderr);
            return ExitCodes.CampaignErrors;
        }

        if (report.Diagnostics.Length > 0)
        {
            WriteDiagnostics(report, stderr);
        }

        return Write([.. emitted.Plans.Where(project.IsGiven)], request, cwd, stdout, stderr);
    }

    private static int Write(ImmutableArray<EmittedPlan> plans, CompileRequest request, string cwd, TextWriter stdout, TextWriter stderr)
    {
        if (plans.Length == 0)
        {
            return Usage(stderr, ["the files hold no campaign, so there is no plan to write"]);
        }

        var extension = request.Format == "yaml" ? ".plan.yaml" : ".plan.json";
        if (request.Output is null)
        {
            if (plans.Length > 1)
            {
                return Usage(stderr, [$"{plans.Length} campaigns compiled ({string.Join(", ", plans.Select(p => p.CampaignName))}); give --output FOLDER to write one plan per campaign"]);
            }

            stdout.Write(Render(plans[0].Plan, request.Format));
            return ExitCodes.Success;
        }

        var target = Path.GetFullPath(request.Output, cwd);
        var toFolder = Directory.Exists(target) || request.Output.EndsWith('/') || request.Output.EndsWith(Path.DirectorySeparatorChar) || plans.Length > 1;
        try
        {
            foreach (var plan in plans)
            {
                var path = toFolder ? Path.Combine(target, plan.CampaignName + extension) : target;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Render(plan.Plan, request.Format)));
                stdout.WriteLine($"{plan.CampaignPath}: campaign {plan.CampaignName} -> {SourceFileFinder.Display(path, cwd)}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(stderr, [$"cannot write '{request.Output}': {e.Message}"]);
        }

        return ExitCodes.Success;
    }

    private static string Render(CampaignPlan plan, string format) => format == "yaml" ? PlanYaml.Serialize(plan) : PlanJson.SerializeToString(plan);

    private static void WriteDiagnostics(ValidationReport report, TextWriter stderr)
    {
        var toTerminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        new TextDiagnosticWriter(toTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null).Write(report, stderr);
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
