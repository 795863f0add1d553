namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Reads templates from disk: relative to the campaign file's folder, then each of <paramref name="templateFolders"/>.
/// Relative paths are read from the current folder, as the campaign paths are.
/// </summary>
public sealed class FileSystemTemplateSource(IReadOnlyList<string>? templateFolders = null) : ITemplateSource
{
    private readonly IReadOnlyList<string> _folders = templateFolders ?? [];

    public TemplateLookup Find(string campaignPath, string templatePath)
    {
        var first = TemplatePaths.Combine(TemplatePaths.FolderOf(campaignPath), templatePath);
        foreach (var candidate in _folders.Select(f => TemplatePaths.Combine(f, templatePath)).Prepend(first))
        {
            if (File.Exists(candidate))
            {
                return Read(candidate);
            }
        }

        return new TemplateLookup.Missing(first, Neighbours(first));
    }

    private static TemplateLookup Read(string path)
    {
        try
        {
            // Read one byte past the limit, so that a huge file is refused without loading it whole.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[(int)Math.Min(stream.Length, TemplateDecoder.MaxBytes + 1)];
            stream.ReadExactly(buffer);
            return new TemplateLookup.Found(path, buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TemplateLookup.Failed(path, e.Message);
        }
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
