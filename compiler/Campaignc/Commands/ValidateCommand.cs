using System.CommandLine;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Compiler.Analyzers;

namespace Campaignc.Commands;

/// <summary><c>campaignc validate [PATH...]</c>: checks campaign files, offline, for pull requests.</summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Campaign files, folders (searched for *.campaign) or globs such as 'campaigns/**/*.campaign'. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json, sarif (SARIF 2.1.0, for code scanning) or github (workflow annotations).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. DiagnosticFormats.All.Keys.Order(StringComparer.Ordinal)]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of the terminal." };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Treat warnings as errors (exit code 1)." };
        var config = new Option<string?>("--config")
        {
            Description = "The campaignc.yaml to use. Default: the nearest campaignc.yaml at or above the first path, up to the git repository's root.",
        };

        var command = new Command("validate", "Check campaign files and report every problem with its file, line and code.")
        {
            paths, format, output, warningsAsErrors, config,
        };
        command.SetAction(result => Run(
            result.GetValue(paths) ?? [],
            result.GetValue(format)!,
            result.GetValue(output),
            result.GetValue(warningsAsErrors),
            result.GetValue(config),
            stdout,
            stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, FileInfo? outputFile, bool warningsAsErrors, string? configPath, TextWriter stdout, TextWriter stderr)
    {
        var cwd = Directory.GetCurrentDirectory();
        var found = SourceFileFinder.Find(paths, cwd);
        foreach (var warning in found.Warnings)
        {
            stderr.WriteLine($"campaignc: warning: {warning}");
        }

        var config = ConfigurationInput.Load(configPath, paths, cwd, LintRules.Registry);
        var problems = config.Problem is null ? found.Problems : [.. found.Problems, config.Problem];
        foreach (var problem in problems)
        {
            stderr.WriteLine($"campaignc: error: {problem}");
        }

        if (problems.Count > 0)
        {
            return ExitCodes.UsageError;
        }

        // Plugin scripts are compiled (or taken from the cache), never run: their functions are known to the checks.
        var plugins = PluginInput.Compile(config.Loaded.Configuration, cwd);
        var project = ProjectCompilation.Compile(found.Files, config.Loaded.Configuration, plugins.Functions, cwd, out var unreadable);
        if (project is null)
        {
            stderr.WriteLine($"campaignc: error: {unreadable}");
            return ExitCodes.UsageError;
        }

        var report = ValidationReport.Create(project.GivenCount, [.. config.Loaded.Diagnostics, .. plugins.Diagnostics, .. project.Diagnostics], warningsAsErrors);

        var toTerminal = outputFile is null && !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
        var writer = DiagnosticFormats.All[format](toTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null);
        if (outputFile is null)
        {
            writer.Write(report, stdout);
        }
        else
        {
            try
            {
                using var file = new StreamWriter(outputFile.FullName);
                writer.Write(report, file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"campaignc: error: cannot write '{outputFile}': {e.Message}");
                return ExitCodes.UsageError;
            }

            stdout.WriteLine(report.Summary());
        }

        return report.ErrorCount > 0 ? ExitCodes.CampaignErrors : ExitCodes.Success;
    }
}
