using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// Paths as a plan holds them: relative to the plan's base folder (the folder of the campaign file), with
/// <c>/</c>. Both sides are made full from the current folder first, so the result does not depend on
/// which folder campaignc ran in, nor on whether the user typed a relative or an absolute path.
/// </summary>
internal static class PlanPaths
{
    /// <summary>The base folder of a campaign file as given (<c>examples/reengagement</c>, or <c>""</c> for a bare file name).</summary>
    public static string BaseFolderOf(string campaignPath) => TemplatePaths.FolderOf(campaignPath);

    public static string Relative(string baseFolder, string path)
    {
        var from = Path.GetFullPath(baseFolder.Length == 0 ? "." : baseFolder);
        var to = Path.GetFullPath(path.Length == 0 ? "." : path);
        return Path.GetRelativePath(from, to).Replace('\\', '/');
    }
}
