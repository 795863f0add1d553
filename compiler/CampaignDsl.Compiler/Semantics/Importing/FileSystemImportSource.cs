using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Compiler.Semantics.Importing;

/// <summary>Reads imported files from disk; relative paths are read from the current folder, as the campaign paths are.</summary>
public sealed class FileSystemImportSource : IImportSource
{
    public ImportLookup Read(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return new ImportLookup.Missing(path, Neighbours(path));
            }

            // Read one byte past the limit, so that a huge file is refused without loading it whole.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[(int)Math.Min(stream.Length, SourceDecoder.MaxFileBytes + 1)];
            stream.ReadExactly(buffer);
            return new ImportLookup.Found(path, buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportLookup.Failed(path, e.Message);
        }
    }

    private static IReadOnlyList<string> Neighbours(string path)
    {
        var folder = Path.GetDirectoryName(path);
        var directory = string.IsNullOrEmpty(folder) ? "." : folder;
        try
        {
            return Directory.Exists(directory)
                ? [.. Directory.EnumerateFiles(directory, "*.campaign").Select(Path.GetFileName).OfType<string>()]
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
