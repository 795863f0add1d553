using CampaignDsl.Compiler.Files;
using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Compiler.Semantics.Importing;

/// <summary>Reads imported files from disk; relative paths are read from the current folder, as the campaign paths are.</summary>
/// <param name="roots">The project root of each importing file (<see cref="ProjectRoot.For"/>); null imports from anywhere.</param>
public sealed class FileSystemImportSource(Func<string, ProjectRoot>? roots = null) : IImportSource
{
    public string? Refuse(string importer, string written, string path) => roots?.Invoke(importer).Problem(written, path);

    public ImportLookup Read(string path)
    {
        // One byte past the limit at most, so that a huge file is refused without loading it whole; a FIFO or a device is never opened.
        return BoundedFile.Read(path, SourceDecoder.MaxFileBytes) switch
        {
            BoundedRead.Read read => new ImportLookup.Found(path, read.Bytes),
            BoundedRead.Missing => new ImportLookup.Missing(path, Neighbours(path)),
            BoundedRead.NotAFile notAFile => new ImportLookup.Failed(path, "it " + notAFile.Describe()),
            BoundedRead.Failed failed => new ImportLookup.Failed(path, failed.Reason),
            _ => throw new InvalidOperationException("unknown read result"),
        };
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
