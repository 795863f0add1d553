namespace CampaignDsl.Compiler.Files;

/// <summary>
/// The folder every file a campaign or campaignc.yaml names must stay inside: the folder of campaignc.yaml, or the
/// campaign's own folder when there is none (<see cref="For"/>). A path is refused when it is absolute, when it leaves
/// the folder through <c>..</c>, or when a symbolic link on its way leads out of it; nothing outside is then read,
/// shown or sent. Paths given on the command line are the user's own and are not checked here.
/// </summary>
public sealed class ProjectRoot
{
    private const int MaxLinks = 40;

    private ProjectRoot(string folder)
    {
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        RealFolder = Real(Folder);
    }

    /// <summary>The folder as given, made full.</summary>
    public string Folder { get; }

    /// <summary>The folder with every symbolic link on its way resolved.</summary>
    public string RealFolder { get; }

    public static ProjectRoot At(string folder) => new(folder);

    /// <summary>The root of a source file: the folder of campaignc.yaml when there is one, else the file's own folder.</summary>
    public static Func<string, ProjectRoot> For(string? configurationPath)
    {
        if (configurationPath is not null)
        {
            var root = At(Path.GetDirectoryName(Path.GetFullPath(configurationPath))!);
            return _ => root;
        }

        return source => At(Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".");
    }

    /// <summary>
    /// Why <paramref name="written"/> (as the campaign or campaignc.yaml wrote it), resolved to <paramref name="resolved"/>,
    /// may not be used; null when it stays inside the root.
    /// </summary>
    public string? Problem(string written, string resolved)
    {
        if (Path.IsPathRooted(written))
        {
            return $"`{written}` is an absolute path; name files relative to the file that names them, inside the project folder '{Folder}'";
        }

        var full = Path.GetFullPath(resolved);
        if (!Inside(full, Folder))
        {
            return $"`{written}` leads out of the project folder '{Folder}'; keep the files a project names inside it";
        }

        return Inside(Real(full), RealFolder)
            ? null
            : $"`{written}` goes through a symbolic link that leads out of the project folder '{Folder}'; copy the file into the project instead";
    }

    private static bool Inside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal)
        || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link on its way resolved, component by component; parts that do not exist are kept.</summary>
    private static string Real(string full, int links = 0)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable as a link: taken as it is written.
            }

            current = target is null ? next
                : links >= MaxLinks ? Path.GetFullPath(target, current)
                : Real(Path.GetFullPath(target, current), links + 1);
        }

        return current;
    }
}
