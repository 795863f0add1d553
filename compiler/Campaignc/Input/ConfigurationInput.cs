using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;

namespace Campaignc.Input;

/// <summary>
/// Finds and reads the campaignc.yaml a run uses: the file <c>--config</c> names, else the nearest
/// one at or above the first path given (or the current folder). A project without one runs on
/// the defaults; a <c>--config</c> file that is missing or unreadable is a usage problem (exit 2).
/// </summary>
public static class ConfigurationInput
{
    private static readonly char[] GlobCharacters = ['*', '?', '['];

    /// <summary>The configuration read, or why the run cannot go on.</summary>
    public sealed record Result(LoadedConfiguration Loaded, string? Problem);

    public static Result Load(string? explicitPath, IReadOnlyList<string> arguments, string currentDirectory, ILintRuleRegistry lintRules)
    {
        string? path;
        if (explicitPath is not null)
        {
            path = Path.GetFullPath(explicitPath, currentDirectory);
            if (Directory.Exists(path))
            {
                return Failed($"--config '{explicitPath}' is a folder; give the path of the {ConfigurationDiscovery.FileName} file");
            }

            if (!File.Exists(path))
            {
                return Failed($"configuration file '{explicitPath}' does not exist");
            }
        }
        else
        {
            path = ConfigurationDiscovery.Find(StartFolder(arguments, currentDirectory));
            if (path is null)
            {
                return new Result(LoadedConfiguration.None, null);
            }
        }

        var shown = SourceFileFinder.Display(path, currentDirectory);
        var read = SourceFiles.Read(path, shown, ConfigurationLoader.MaxFileBytes);
        return read.Bytes is null ? Failed(read.Problem!) : new Result(new ConfigurationLoader(lintRules).Load(path, read.Bytes, shown), null);
    }

    /// <summary>The folder the search starts from: the first path's folder; for a glob, the folder before its first wildcard.</summary>
    public static string StartFolder(IReadOnlyList<string> arguments, string currentDirectory)
    {
        if (arguments.Count == 0)
        {
            return currentDirectory;
        }

        var first = arguments[0];
        var full = Path.GetFullPath(first, currentDirectory);
        if (Directory.Exists(full))
        {
            return full;
        }

        if (File.Exists(full))
        {
            return Path.GetDirectoryName(full) ?? currentDirectory;
        }

        var parts = first.Split(['/', Path.DirectorySeparatorChar]);
        var fixedParts = parts.TakeWhile(p => p.IndexOfAny(GlobCharacters) < 0).Count();
        var root = string.Join('/', parts[..Math.Min(fixedParts, parts.Length - 1)]);
        return Path.GetFullPath(root.Length == 0 ? (first.StartsWith('/') ? "/" : ".") : root, currentDirectory);
    }

    private static Result Failed(string problem) => new(LoadedConfiguration.None, problem);
}
