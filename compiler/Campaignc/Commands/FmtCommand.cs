using System.CommandLine;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Compiler.Formatting;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc fmt [PATH...] [--check] [--stdout]</c>: rewrites campaign files in the canonical style; with
/// <c>--check</c> only lists the files that are not (for pull requests). A file with syntax errors is reported
/// like <c>validate</c> reports it and left untouched.
/// </summary>
public static class FmtCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Campaign files, folders (searched for *.campaign) or globs such as 'campaigns/**/*.campaign'. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing: list the files that are not formatted and exit 1 if there are any.",
        };
        var toStdout = new Option<bool>("--stdout") { Description = "Print the formatted text of one file instead of rewriting it." };

        var command = new Command("fmt", "Format campaign files in the canonical style, keeping every comment.") { paths, check, toStdout };
        command.SetAction(result => Run(result.GetValue(paths) ?? [], result.GetValue(check), result.GetValue(toStdout), stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, bool check, bool toStdout, TextWriter stdout, TextWriter stderr)
    {
        if (check && toStdout)
        {
            return UsageError(stderr, "--check and --stdout cannot be used together");
        }

        var cwd = Directory.GetCurrentDirectory();
        var found = SourceFileFinder.Find(paths, cwd);
        foreach (var warning in found.Warnings)
        {
            stderr.WriteLine($"campaignc: warning: {warning}");
        }

        foreach (var problem in found.Problems)
        {
            stderr.WriteLine($"campaignc: error: {problem}");
        }

        if (found.Problems.Count > 0)
        {
            return ExitCodes.UsageError;
        }

        if (toStdout && found.Files.Count != 1)
        {
            return UsageError(stderr, $"--stdout prints one file, but the paths name {found.Files.Count} campaign files");
        }

        var results = new List<(string FullPath, FormattedFile Result)>(found.Files.Count);
        foreach (var file in found.Files)
        {
            var shown = SourceFileFinder.Display(file, cwd);
            var read = SourceFiles.Read(file, shown);
            if (read.Bytes is null)
            {
                return UsageError(stderr, read.Problem!);
            }

            results.Add((file, CampaignFormatter.FormatFile(shown, read.Bytes)));
        }

        if (results.FirstOrDefault(r => r.Result.Bug is not null) is { Result: { } failed })
        {
            // Nothing is written when the formatter doubts itself: a bug must never cost anyone their file.
            stderr.WriteLine($"campaignc: internal error: cannot format '{failed.Path}': {failed.Bug}. No file was changed. "
                + "This is a bug in campaignc; please report it with the file.");
            return ExitCodes.InternalError;
        }

        var broken = results.Where(r => r.Result.Bytes is null).Select(r => r.Result).ToList();
        if (broken.Count > 0)
        {
            var report = new ValidationReport(results.Count, [.. broken.SelectMany(r => r.Diagnostics)]);
            var color = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
            new TextDiagnosticWriter(color).Write(report, stderr);
            stderr.WriteLine($"campaignc: {Plural(broken.Count, "file")} with syntax errors left unformatted");
        }

        if (toStdout)
        {
            if (results[0].Result.Bytes is { } formatted)
            {
                stdout.Write(System.Text.Encoding.UTF8.GetString(formatted).TrimStart('\uFEFF'));
            }

            return broken.Count > 0 ? ExitCodes.CampaignErrors : ExitCodes.Success;
        }

        var changed = results.Where(r => r.Result.Changed).ToList();
        if (check)
        {
            foreach (var (_, result) in changed)
            {
                stdout.WriteLine(result.Path);
            }

            // A file with syntax errors was not checked at all: "all formatted" would claim what nobody looked at.
            var checkedCount = results.Count - broken.Count;
            var skipped = broken.Count == 0 ? "" : $"; {Plural(broken.Count, "file")} with syntax errors not checked";
            stdout.WriteLine(changed.Count == 0 && broken.Count == 0
                ? $"{Plural(results.Count, "file")} checked: all formatted"
                : changed.Count == 0
                    ? $"{Plural(checkedCount, "file")} checked and formatted{skipped}"
                    : $"{Plural(checkedCount, "file")} checked: {changed.Count} not formatted{skipped}; run `campaignc fmt` to format them");
            return changed.Count > 0 || broken.Count > 0 ? ExitCodes.CampaignErrors : ExitCodes.Success;
        }

        foreach (var (fullPath, result) in changed)
        {
            if (Write(fullPath, result.Bytes!) is { } problem)
            {
                return UsageError(stderr, $"cannot write '{result.Path}': {problem}");
            }

            stdout.WriteLine(result.Path);
        }

        stdout.WriteLine(broken.Count == 0
            ? $"{Plural(results.Count, "file")} checked: {changed.Count} formatted"
            : $"{Plural(results.Count - broken.Count, "file")} checked: {changed.Count} formatted; {Plural(broken.Count, "file")} with syntax errors left as they are");
        return broken.Count > 0 ? ExitCodes.CampaignErrors : ExitCodes.Success;
    }

    /// <summary>Writes a temporary file beside the target and renames it over the target, so that an interrupted run never leaves half a file.</summary>
    private static string? Write(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.fmt-tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The original error is the one worth reporting; a stray temporary file is named so that it is recognisable.
            }

            return e.Message;
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"campaignc: error: {message}");
        return ExitCodes.UsageError;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
