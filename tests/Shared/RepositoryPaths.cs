using System.Runtime.CompilerServices;

namespace CampaignDsl.Tests.Shared;

/// <summary>Finds the repository root (the folder holding CampaignDsl.sln) and the shared data beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder next to the repository: ../shared (data, spec, seeds).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    // The test output may live outside the repository (`--artifacts-path /tmp/...`), so when no
    // CampaignDsl.sln is above it, look above this source file as the compiler saw it.
    private static string FindRoot([CallerFilePath] string sourceFile = "") =>
        FindAbove(AppContext.BaseDirectory)
        ?? FindAbove(Path.GetDirectoryName(sourceFile))
        ?? throw new InvalidOperationException($"CampaignDsl.sln not found above {AppContext.BaseDirectory} or {sourceFile}");

    private static string? FindAbove(string? start)
    {
        var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CampaignDsl.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName;
    }
}
