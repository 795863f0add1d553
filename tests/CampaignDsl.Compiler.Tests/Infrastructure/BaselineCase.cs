using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Tests.Infrastructure;

/// <summary>
/// One baseline case: a folder <c>Baselines/&lt;area&gt;/&lt;case&gt;/</c> in the source tree holding one or
/// more .campaign inputs and the expected <c>diagnostics.txt</c>. A case named <c>Invalid*</c> expects
/// errors; any other case expects none. Lint cases sit one level deeper, under <c>Lint/&lt;rule-id&gt;/</c>,
/// and expect their rule instead of errors (<see cref="LintRule"/>).
/// </summary>
internal sealed record BaselineCase(string Id, string Folder)
{
    public const string ExpectedDiagnosticsFile = "diagnostics.txt";
    public const string ActualDiagnosticsFile = "diagnostics.actual.txt";
    public const string ExpectedPlanFile = "plan.json";
    public const string ActualPlanFile = "plan.actual.json";

    /// <summary>Read from the repository, not the build output, so that updating rewrites the committed files.</summary>
    public static string Root { get; } = RepositoryPaths.InRepo("tests", "CampaignDsl.Compiler.Tests", "Baselines");

    public string Name => Path.GetFileName(Folder);

    public bool ExpectsErrors => Name.StartsWith("Invalid", StringComparison.Ordinal);

    public string ExpectedDiagnosticsPath => Path.Combine(Folder, ExpectedDiagnosticsFile);

    public string ActualDiagnosticsPath => Path.Combine(Folder, ActualDiagnosticsFile);

    /// <summary>
    /// Cases under <c>Formatting/</c> hold one <c>input.campaign</c> and expect <c>campaignc fmt</c>'s output for it,
    /// byte for byte (line breaks, byte-order mark), in <c>formatted.campaign</c>; the formatted file is no input.
    /// </summary>
    public bool ExpectsFormatted => Id.StartsWith("Formatting/", StringComparison.Ordinal);

    public const string FormattingInputFile = "input.campaign";
    public const string ExpectedFormattedFile = "formatted.campaign";
    public const string ActualFormattedFile = "formatted.actual.campaign";

    public string FormattingInputPath => Path.Combine(Folder, FormattingInputFile);

    public string ExpectedFormattedPath => Path.Combine(Folder, ExpectedFormattedFile);

    public string ActualFormattedPath => Path.Combine(Folder, ActualFormattedFile);

    /// <summary>Cases under <c>Plans/</c> hold one campaign and its templates, and expect its plan in <c>plan.json</c>.</summary>
    public bool ExpectsPlan => Id.StartsWith("Plans/", StringComparison.Ordinal);

    public string ExpectedPlanPath => Path.Combine(Folder, ExpectedPlanFile);

    public string ActualPlanPath => Path.Combine(Folder, ActualPlanFile);

    /// <summary>The lint area: one folder per rule id, each holding that rule's cases (<c>Lint/discount-above-maximum/InvalidFiftyPercent</c>).</summary>
    public const string LintArea = "Lint";

    /// <summary>
    /// For a case under <c>Lint/&lt;rule-id&gt;/</c>, the rule it is about: its <c>Invalid*</c> cases must report
    /// that rule at least once, its other cases never; lint cases have no errors, so that the rules run.
    /// </summary>
    public string? LintRule => Id.StartsWith(LintArea + "/", StringComparison.Ordinal) ? Id.Split('/')[1] : null;

    /// <summary>A <c>campaignc.yaml</c> in the case folder configures the compilation (lint levels and options, defaults).</summary>
    public string ConfigurationPath => Path.Combine(Folder, "campaignc.yaml");

    /// <summary>Every case folder, ordered by id (<c>Syntax/InvalidDurationWord</c>, <c>Lint/rule-id/ValidCase</c>).</summary>
    public static IReadOnlyList<BaselineCase> DiscoverAll()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return [.. Directory.GetDirectories(Root)
            .SelectMany(area => Path.GetFileName(area) == LintArea
                ? Directory.GetDirectories(area).SelectMany(Directory.GetDirectories)
                : Directory.GetDirectories(area))
            .Select(folder => new BaselineCase(Path.GetRelativePath(Root, folder).Replace('\\', '/'), folder))
            .OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    public static BaselineCase FromId(string id) => new(id, Path.Combine([Root, .. id.Split('/')]));

    /// <summary>The inputs by file name, in name order; the names are the paths the compiler reports.</summary>
    public IReadOnlyList<(string Path, byte[] Content)> ReadInputs() =>
    [
        .. Directory.GetFiles(Folder, "*.campaign")
            .Where(file => Path.GetFileName(file) is not (ExpectedFormattedFile or ActualFormattedFile))
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file), File.ReadAllBytes(file))),
    ];

    /// <summary>
    /// The case's other files (templates), by path relative to the case folder with <c>/</c>, in path
    /// order: what the compiler reports for a template a campaign in the folder names.
    /// </summary>
    public IReadOnlyList<(string Path, byte[] Content)> ReadTemplates() =>
    [
        .. Directory.GetFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".campaign", StringComparison.Ordinal)
                && Path.GetFileName(file) is not (ExpectedDiagnosticsFile or ActualDiagnosticsFile or ExpectedPlanFile or ActualPlanFile))
            .Select(file => (Path.GetRelativePath(Folder, file).Replace('\\', '/'), File.ReadAllBytes(file)))
            .OrderBy(file => file.Item1, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Compiles the case. Cases under <c>Templates/</c> and <c>Plans/</c> read their templates from the case folder;
    /// the others read no template files, so their sends may name templates that do not exist.
    /// </summary>
    public CampaignCompilation Compile() => CampaignCompilation.Compile(ReadInputs(), Options);

    /// <summary>
    /// The options the case compiles with: its own templates where it reads them, and its own campaignc.yaml
    /// if it has one (its diagnostics are the loader's, not the compilation's); else the defaults (null).
    /// </summary>
    public CompilationOptions? Options
    {
        get
        {
            var options = ReadsTemplates
                ? new CompilationOptions { Templates = new InMemoryTemplateSource(ReadTemplates().Select(t => KeyValuePair.Create(t.Path, t.Content))) }
                : null;
            return File.Exists(ConfigurationPath)
                ? (options ?? CompilationOptions.Default).WithConfiguration(LoadConfiguration().Configuration)
                : options;
        }
    }

    /// <summary>The case's campaignc.yaml, checked against the real lint rules.</summary>
    public Compiler.Configuration.LoadedConfiguration LoadConfiguration() =>
        new Compiler.Configuration.ConfigurationLoader(Analyzers.LintRules.Registry).Load(ConfigurationPath, File.ReadAllBytes(ConfigurationPath), "campaignc.yaml");

    /// <summary>What the loader reports about the case's campaignc.yaml; none when it has none.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> ConfigurationDiagnostics => File.Exists(ConfigurationPath) ? LoadConfiguration().Diagnostics : [];

    public bool ReadsTemplates => Id.StartsWith("Templates/", StringComparison.Ordinal) || ExpectsPlan || LintRule is not null;
}
