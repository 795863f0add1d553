namespace CampaignDsl.Compiler.Semantics.Importing;

/// <summary>
/// Reads the files that <c>import "x.campaign"</c> names and that are not among the files being
/// compiled. Paths are already resolved against the importing file's folder, in the form the
/// importing path has (relative stays relative), since they are printed in diagnostics.
/// </summary>
public interface IImportSource
{
    ImportLookup Read(string path);

    /// <summary>
    /// Why the file <paramref name="importer"/> may not import <paramref name="written"/> (resolved to <paramref name="path"/>),
    /// before anything is read: it leaves the project (docs/security.md). Null when it may.
    /// </summary>
    string? Refuse(string importer, string written, string path) => null;
}

/// <summary>What reading an imported file found.</summary>
public abstract record ImportLookup(string Path)
{
    public sealed record Found(string Path, byte[] Content) : ImportLookup(Path);

    /// <summary>No file at <paramref name="Path"/>; <paramref name="Neighbours"/> are the .campaign file names in its folder, for "did you mean".</summary>
    public sealed record Missing(string Path, IReadOnlyList<string> Neighbours) : ImportLookup(Path);

    /// <summary>The file exists but could not be read; <paramref name="Reason"/> is the system's message.</summary>
    public sealed record Failed(string Path, string Reason) : ImportLookup(Path);
}
