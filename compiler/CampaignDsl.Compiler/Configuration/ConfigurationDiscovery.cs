namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// Finds a project's campaignc.yaml: the nearest one in a folder at or above where the campaigns
/// are, not looking past the root of the git repository (the first folder holding <c>.git</c>).
/// </summary>
public static class ConfigurationDiscovery
{
    public const string FileName = "campaignc.yaml";

    /// <summary>The full path of the nearest campaignc.yaml at or above <paramref name="startFolder"/>, or null when there is none.</summary>
    public static string? Find(string startFolder)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(startFolder)); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            // `.git` is a folder in a clone and a file in a worktree or submodule; either marks the repository root.
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return null;
            }
        }

        return null;
    }
}
