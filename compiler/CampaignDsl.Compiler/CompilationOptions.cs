using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler;

/// <summary>How a compilation reaches beyond the campaign files it is given.</summary>
public sealed record CompilationOptions
{
    /// <summary>No template files are read; subject lines and inline bodies are still checked.</summary>
    public static CompilationOptions Default { get; } = new();

    /// <summary>Where the template files that sends name are read from; null to read none (the tests of other stages, the benchmarks).</summary>
    public ITemplateSource? Templates { get; init; }

    /// <summary>
    /// Where imported files that are not among the compiled files are read from; null to read none (then such an
    /// import is reported as missing). <c>campaignc validate</c> reads them from disk.
    /// </summary>
    public Semantics.Importing.IImportSource? Imports { get; init; }

    /// <summary>The contact attributes conditions may name: the built-in ones, and the project's own from campaignc.yaml.</summary>
    public ContactSchema Schema { get; init; } = ContactSchema.Default;

    /// <summary>The event types conditions may name: the built-in ones, and the project's own from campaignc.yaml.</summary>
    public EventCatalog Events { get; init; } = EventCatalog.Default;

    /// <summary>The project's campaignc.yaml, or the defaults when it has none.</summary>
    public ProjectConfiguration Configuration { get; init; } = ProjectConfiguration.Default;

    /// <summary>
    /// The functions the project's plugin scripts add, read from the compiled scripts by campaignc (CampaignDsl.Plugins);
    /// campaigns call them like built-in functions. Names must differ from the built-in ones.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<FunctionSignature> PluginFunctions { get; init; } = [];

    /// <summary>These options with the project's configuration, and the schema and events it extends.</summary>
    public CompilationOptions WithConfiguration(ProjectConfiguration configuration) => this with
    {
        Configuration = configuration,
        Schema = ContactSchema.Default.Extend(configuration.Contacts.Attributes),
        Events = EventCatalog.Default.Extend(configuration.Events.Types),
    };
}
