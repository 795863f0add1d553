using System.Globalization;

namespace CampaignDsl.Plan;

/// <summary>
/// The plan format's version, <c>major.minor</c>. A reader accepts every minor version of its major:
/// minor versions only add what an older reader may ignore; anything that changes how a plan executes
/// is a new major version (docs/plan.md, "Versioning").
/// </summary>
public static class PlanFormat
{
    public const int Major = 1;

    public const int Minor = 0;

    public static string Version { get; } = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>Reads <c>"1.0"</c> into its parts; false for anything else.</summary>
    public static bool TryParse(string? version, out int major, out int minor)
    {
        major = minor = 0;
        var parts = version?.Split('.');
        return parts is { Length: 2 }
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}
