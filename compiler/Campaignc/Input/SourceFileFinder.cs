using Microsoft.Extensions.FileSystemGlobbing;

namespace Campaignc.Input;

/// <summary>
/// Expands what the user typed (files, folders, globs) into campaign files. A folder yields every
/// *.campaign file below it; a glob such as "campaigns/**/*.campaign" is matched from the current folder.
/// </summary>
public static class SourceFileFinder
{
    public const string Extension = ".campaign";

    private static readonly char[] GlobCharacters = ['*', '?', '['];

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git"];

    public sealed record Result(IReadOnlyList<string> Files, IReadOnlyList<string> Problems);

    public static Result Find(IReadOnlyList<string> arguments, string currentDirectory)
    {
        var files = new List<string>();
        var problems = new List<string>();
        foreach (var argument in arguments.Count == 0 ? ["."] : arguments)
        {
            var full = Path.GetFullPath(argument, currentDirectory);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                var found = FindInFolder(full, problems);
                if (found.Count == 0)
                {
                    problems.Add($"no {Extension} files found in '{argument}'");
                }

                files.AddRange(found);
            }
            else if (argument.IndexOfAny(GlobCharacters) >= 0)
            {
                var (root, pattern) = SplitGlob(argument, currentDirectory);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern);
                var matched = Directory.Exists(root) ? matcher.GetResultsInFullPath(root).ToList() : [];
                if (matched.Count == 0)
                {
                    problems.Add($"no files match '{argument}'");
                }

                files.AddRange(matched);
            }
            else
            {
                problems.Add($"'{argument}' does not exist");
            }
        }

        var unique = files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new Result(unique, problems);
    }

    /// <summary>The path as it should be shown: relative to the current folder when inside it, with forward slashes.</summary>
    public static string Display(string fullPath, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    // The matcher only matches below a folder, so "/abs/dir/**/*.campaign" or "../x/*.campaign"
    // is split into the folder before the first wildcard and the pattern after it.
    private static (string Root, string Pattern) SplitGlob(string glob, string currentDirectory)
    {
        var parts = glob.Split(['/', Path.DirectorySeparatorChar]);
        var fixedParts = 0;
        while (fixedParts < parts.Length - 1 && parts[fixedParts].IndexOfAny(GlobCharacters) < 0)
        {
            fixedParts++;
        }

        var root = string.Join('/', parts[..fixedParts]);
        if (root.Length == 0 && fixedParts > 0)
        {
            root = "/";
        }

        return (Path.GetFullPath(root.Length == 0 ? "." : root, currentDirectory), string.Join('/', parts[fixedParts..]));
    }

    private static List<string> FindInFolder(string folder, List<string> problems)
    {
        var found = new List<string>();
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            try
            {
                found.AddRange(Directory.EnumerateFiles(current, "*" + Extension));
                foreach (var sub in Directory.EnumerateDirectories(current))
                {
                    if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                problems.Add($"cannot read folder '{current}': {e.Message}");
            }
        }

        return found;
    }
}
