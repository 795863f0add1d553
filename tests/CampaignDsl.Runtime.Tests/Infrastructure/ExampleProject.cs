using CampaignDsl.Compiler;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Compiler.Semantics.Importing;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Sqlite;

namespace CampaignDsl.Runtime.Tests.Infrastructure;

/// <summary>The example project: its campaigns compiled together as `campaignc simulate` compiles them, its configuration, its data in a store.</summary>
internal static class ExampleProject
{
    public static string ConfigPath => RepositoryPaths.InRepo("examples", "campaignc.yaml");

    public static IReadOnlyList<string> CampaignFiles { get; } =
        [.. Directory.EnumerateFiles(RepositoryPaths.InRepo("examples"), "*.campaign", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static ProjectConfiguration Configuration()
    {
        var loaded = new ConfigurationLoader(LintRuleRegistry.Empty).Load(ConfigPath, File.ReadAllBytes(ConfigPath), "examples/campaignc.yaml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return loaded.Configuration;
    }

    /// <summary>Every example campaign's plan, compiled together with the shared library.</summary>
    public static IReadOnlyList<CampaignPlan> Plans()
    {
        var configuration = Configuration();
        var options = new CompilationOptions
            {
                Templates = new FileSystemTemplateSource(configuration.Templates.Folders),
                Imports = new FileSystemImportSource(),
            }
            .WithConfiguration(configuration);
        var compilation = CampaignCompilation.Compile([.. CampaignFiles.Select(f => (f, File.ReadAllBytes(f)))], options);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var emitted = PlanEmitter.Emit(compilation, options);
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        return [.. emitted.Plans.Select(p => p.Plan)];
    }

    /// <summary>Canonical CSV files imported into a new store, typed by the example configuration.</summary>
    public static async Task<ContactStore> ImportAsync(string storePath, string contacts, string events)
    {
        var store = await ContactStore.OpenAsync(storePath);
        var problems = new DataProblemLog();
        var result = await DataImporter.RunAsync(store,
            [new ImportFile(contacts, Path.GetFileName(contacts), RecordKind.Contacts), new ImportFile(events, Path.GetFileName(events), RecordKind.Events)],
            DataMapping.None, DataSchema.From(Configuration()), problems);
        Assert.True(result.Committed);
        Assert.Equal(0, problems.Count);
        return store;
    }
}
