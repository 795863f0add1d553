using System.Globalization;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The compiler's version as plans record it: <c>major.minor.patch</c> of the assembly version, which
/// the project file sets. The informational version is not used, since it may carry a commit id and
/// would make the same sources give different plans on different commits.
/// </summary>
public static class CompilerVersion
{
    public static string Current { get; } = Format(typeof(CompilerVersion).Assembly.GetName().Version);

    private static string Format(Version? version) => version is null
        ? "0.0.0"
        : string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}.{Math.Max(0, version.Build)}");
}
