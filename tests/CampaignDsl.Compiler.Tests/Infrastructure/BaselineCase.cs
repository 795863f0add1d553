namespace CampaignDsl.Compiler.Tests.Infrastructure;

/// <summary>
/// One baseline case: a folder <c>Baselines/&lt;area&gt;/&lt;case&gt;/</c> in the source tree holding one or
/// more .campaign inputs and the expected <c>diagnostics.txt</c>. A case named <c>Invalid*</c> expects
/// errors; any other case expects none.
/// </summary>
internal sealed record BaselineCase(string Id, string Folder)
{
    public const string ExpectedDiagnosticsFile = "diagnostics.txt";
    public const string ActualDiagnosticsFile = "diagnostics.actual.txt";

    /// <summary>Read from the repository, not the build output, so that updating rewrites the committed files.</summary>
    public static string Root { get; } = RepositoryPaths.InRepo("tests", "CampaignDsl.Compiler.Tests", "Baselines");

    public string Name => Path.GetFileName(Folder);

    public bool ExpectsErrors => Name.StartsWith("Invalid", StringComparison.Ordinal);

    public string ExpectedDiagnosticsPath => Path.Combine(Folder, ExpectedDiagnosticsFile);

    public string ActualDiagnosticsPath => Path.Combine(Folder, ActualDiagnosticsFile);

    /// <summary>Every case folder, ordered by id (<c>Syntax/InvalidDurationWord</c>).</summary>
    public static IReadOnlyList<BaselineCase> DiscoverAll()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return [.. Directory.GetDirectories(Root)
            .SelectMany(Directory.GetDirectories)
            .Select(folder => new BaselineCase(Path.GetRelativePath(Root, folder).Replace('\\', '/'), folder))
            .OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    public static BaselineCase FromId(string id) => new(id, Path.Combine([Root, .. id.Split('/')]));

    /// <summary>The inputs by file name, in name order; the names are the paths the compiler reports.</summary>
    public IReadOnlyList<(string Path, byte[] Content)> ReadInputs() =>
    [
        .. Directory.GetFiles(Folder, "*.campaign")
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file), File.ReadAllBytes(file))),
    ];
}
