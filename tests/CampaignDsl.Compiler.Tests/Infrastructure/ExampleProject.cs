using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Semantics.Importing;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Tests.Infrastructure;

/// <summary>
/// The example campaigns as <c>campaignc validate examples/</c> sees them: every file under
/// <c>examples/</c>, compiled together (a campaign may hand contacts on to one in another file), with
/// the examples' own campaignc.yaml (custom attributes such as <c>style</c>), imports and templates
/// read from disk.
/// </summary>
internal static class ExampleProject
{
    public static string Folder { get; } = RepositoryPaths.InRepo("examples");

    public static IReadOnlyList<string> CampaignFiles { get; } =
        [.. Directory.GetFiles(Folder, "*.campaign", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>The examples' campaignc.yaml as loaded; its diagnostics are part of what must stay clean.</summary>
    public static LoadedConfiguration Configuration { get; } = LoadConfiguration();

    /// <summary>Options as validate builds them; <paramref name="readTemplates"/> false for campaigns whose templates are not on disk.</summary>
    public static CompilationOptions Options(bool readTemplates = true) => new CompilationOptions
        {
            Templates = readTemplates ? new FileSystemTemplateSource(Configuration.Configuration.Templates.Folders) : null,
            Imports = new FileSystemImportSource(),
        }
        .WithConfiguration(Configuration.Configuration);

    /// <summary>The example files, read now.</summary>
    public static List<(string Path, byte[] Content)> ReadFiles() =>
        [.. CampaignFiles.Select(path => (path, File.ReadAllBytes(path)))];

    private static LoadedConfiguration LoadConfiguration()
    {
        var path = Path.Combine(Folder, ConfigurationDiscovery.FileName);
        return new ConfigurationLoader(LintRules.Registry).Load(path, File.ReadAllBytes(path));
    }
}
