using CampaignDsl.Compiler.Files;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Reads templates from disk: relative to the campaign file's folder, then each of <paramref name="templateFolders"/>.
/// Relative paths are read from the current folder, as the campaign paths are.
/// </summary>
/// <param name="roots">The project root of each campaign (<see cref="ProjectRoot.For"/>): a template path is looked up only
/// where it stays inside it. Null (tests, tools given their own files) looks anywhere.</param>
public sealed class FileSystemTemplateSource(IReadOnlyList<string>? templateFolders = null, Func<string, ProjectRoot>? roots = null) : ITemplateSource
{
    private readonly IReadOnlyList<string> _folders = templateFolders ?? [];

    public TemplateLookup Find(string campaignPath, string templatePath)
    {
        var first = TemplatePaths.Combine(TemplatePaths.FolderOf(campaignPath), templatePath);
        var root = roots?.Invoke(campaignPath);
        string? refused = null;
        foreach (var candidate in _folders.Select(f => TemplatePaths.Combine(f, templatePath)).Prepend(first))
        {
            if (root?.Problem(templatePath, candidate) is { } problem)
            {
                // Nothing outside the project is looked at, not even whether it exists.
                refused ??= problem;
                continue;
            }

            if (FileStatus.Of(candidate).Kind != FileKind.Missing)
            {
                return Read(candidate);
            }
        }

        return refused is not null ? new TemplateLookup.Outside(first, refused) : new TemplateLookup.Missing(first, Neighbours(first));
    }

    private static TemplateLookup Read(string path)
    {
        // One byte past the limit at most, so that a huge file is refused without loading it whole; a FIFO or a device is never opened.
        return BoundedFile.Read(path, TemplateDecoder.MaxBytes) switch
        {
            BoundedRead.Read read => new TemplateLookup.Found(path, read.Bytes),
            BoundedRead.NotAFile notAFile => new TemplateLookup.Failed(path, "it " + notAFile.Describe()),
            BoundedRead.Failed failed => new TemplateLookup.Failed(path, failed.Reason),
            _ => new TemplateLookup.Failed(path, "it disappeared while being read"),
        };
    }

    private static IReadOnlyList<string> Neighbours(string path)
    {
        var folder = TemplatePaths.FolderOf(path);
        try
        {
            var directory = folder.Length == 0 ? "." : folder;
            return Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>()] : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
