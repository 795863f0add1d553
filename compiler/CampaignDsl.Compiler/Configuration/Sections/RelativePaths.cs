namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>Paths in campaignc.yaml are relative to its folder (absolute ones are kept), written with <c>/</c> on every system.</summary>
internal static class RelativePaths
{
    public static bool TryResolve(string baseFolder, string written, out string fullPath)
    {
        fullPath = "";
        if (string.IsNullOrWhiteSpace(written) || written.Any(char.IsControl))
        {
            return false;
        }

        try
        {
            fullPath = Path.GetFullPath(written.Replace('/', Path.DirectorySeparatorChar), baseFolder);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }
}
