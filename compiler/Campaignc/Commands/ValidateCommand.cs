using System.CommandLine;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Compiler;

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

        var command = new Command("validate", "Check campaign files and report every problem with its file, line and code.")
        {
            paths, format, output, warningsAsErrors,
        };
        command.SetAction(result => Run(
            result.GetValue(paths) ?? [],
            result.GetValue(format)!,
            result.GetValue(output),
            result.GetValue(warningsAsErrors),
            stdout,
            stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, FileInfo? outputFile, bool warningsAsErrors, TextWriter stdout, TextWriter stderr)
    {
        var cwd = Directory.GetCurrentDirectory();
        var found = SourceFileFinder.Find(paths, cwd);
        foreach (var problem in found.Problems)
        {
            stderr.WriteLine($"campaignc: error: {problem}");
        }

        if (found.Problems.Count > 0)
        {
            return ExitCodes.UsageError;
        }

        var files = new List<(string, byte[])>(found.Files.Count);
        foreach (var file in found.Files)
        {
            try
            {
                files.Add((SourceFileFinder.Display(file, cwd), File.ReadAllBytes(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"campaignc: error: cannot read '{SourceFileFinder.Display(file, cwd)}': {e.Message}");
                return ExitCodes.UsageError;
            }
        }

        var compilation = CampaignCompilation.Compile(files);
        var report = ValidationReport.Create(files.Count, compilation.Diagnostics, warningsAsErrors);

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
