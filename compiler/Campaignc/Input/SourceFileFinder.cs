using CampaignDsl.Compiler.Files;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Campaignc.Input;

/// <summary>
/// Expands what the user typed (files, folders, globs) into campaign files. A folder yields every
/// *.campaign file below it; a glob such as "campaigns/**/*.campaign" is matched from the current folder.
/// The folder walk enters each folder once, however many symbolic links lead to it (a link back into a folder
/// already searched is reported and not followed, so a loop cannot hang the walk nor double its files), and takes
/// only regular files: a FIFO, a device or a broken link named *.campaign is a problem, never opened.
/// </summary>
public static class SourceFileFinder
{
    public const string Extension = ".campaign";

    private static readonly char[] GlobCharacters = ['*', '?', '['];

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git"];

    /// <summary>How deep the walk goes; far beyond any real project, it bounds a walk on a file system without inode numbers.</summary>
    private const int MaxDepth = 64;

    /// <param name="Warnings">What the walk left out and why (links that lead back into a folder already searched).</param>
    public sealed record Result(IReadOnlyList<string> Files, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings);

    public static Result Find(IReadOnlyList<string> arguments, string currentDirectory)
    {
        var files = new List<string>();
        var problems = new List<string>();
        var warnings = new List<string>();
        foreach (var argument in arguments.Count == 0 ? ["."] : arguments)
        {
            var full = Path.GetFullPath(argument, currentDirectory);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                var found = FindInFolder(full, currentDirectory, problems, warnings);
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
        return new Result(unique, problems, warnings);
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

    private static List<string> FindInFolder(string folder, string currentDirectory, List<string> problems, List<string> warnings)
    {
        var found = new List<string>();
        var seenFolders = new Dictionary<(ulong, ulong), string>();
        var seenFiles = new HashSet<(ulong, ulong)>();
        if (FileStatus.Of(folder).Identity is { } start)
        {
            seenFolders[start] = folder;
        }

        // A link that leads out of the folder searched is not followed: what is outside is not part of the project.
        var confinement = ProjectRoot.At(folder);
        var pending = new Stack<(string Path, int Depth)>([(folder, 0)]);
        while (pending.TryPop(out var current))
        {
            try
            {
                foreach (var file in Directory.EnumerateFiles(current.Path, "*" + Extension))
                {
                    var status = FileStatus.Of(file);
                    if (confinement.Problem(Path.GetRelativePath(folder, file), file) is not null)
                    {
                        problems.Add($"'{Display(file, currentDirectory)}' is a symbolic link that leads out of '{Display(folder, currentDirectory)}', so it was not read; copy the file in instead");
                    }
                    else if (status.Kind == FileKind.Missing && Path.GetFileName(file).Contains('\uFFFD', StringComparison.Ordinal))
                    {
                        // .NET reads a name that is not UTF-8 with replacement characters, and cannot open it by that name:
                        // nothing can read it (simulate and run neither), so it is reported and the others are checked.
                        warnings.Add($"'{Display(file, currentDirectory)}' has a name that is not valid UTF-8, so it cannot be opened; "
                            + "it was not checked: rename it");
                    }
                    else if (status.Kind != FileKind.Regular)
                    {
                        problems.Add(status.Kind == FileKind.Missing
                            ? $"'{Display(file, currentDirectory)}' is a symbolic link to nothing; fix or remove it"
                            : $"'{Display(file, currentDirectory)}' is not a regular file (a FIFO, a device or a socket), so it was not read; remove it or rename it");
                    }
                    else if (status.Identity is not { } identity || seenFiles.Add(identity))
                    {
                        found.Add(file);
                    }
                }

                foreach (var sub in Directory.EnumerateDirectories(current.Path))
                {
                    if (SkippedFolders.Contains(Path.GetFileName(sub)))
                    {
                        continue;
                    }

                    if (confinement.Problem(Path.GetRelativePath(folder, sub), sub) is not null)
                    {
                        warnings.Add($"'{Display(sub, currentDirectory)}' is a symbolic link that leads out of '{Display(folder, currentDirectory)}'; not followed");
                    }
                    else if (FileStatus.Of(sub).Identity is { } identity && !seenFolders.TryAdd(identity, sub))
                    {
                        warnings.Add($"'{Display(sub, currentDirectory)}' leads back to '{Display(seenFolders[identity], currentDirectory)}', "
                            + "which is searched already (a symbolic link loop or a second link to one folder); not followed");
                    }
                    else if (current.Depth + 1 > MaxDepth)
                    {
                        warnings.Add($"'{Display(sub, currentDirectory)}' is more than {MaxDepth} folders deep; not searched");
                    }
                    else
                    {
                        pending.Push((sub, current.Depth + 1));
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                problems.Add($"cannot read folder '{current.Path}': {e.Message}");
            }
        }

        return found;
    }
}
