using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Configuration.Runtime;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// A project's campaignc.yaml, read and checked. Every section has a default, so a project without
/// the file, or with a section left out or in error, still has a complete configuration.
/// </summary>
public sealed record ProjectConfiguration
{
    /// <summary>The edition of the file format this campaignc reads (<c>version: 1</c>).</summary>
    public const int CurrentVersion = 1;

    /// <summary>The configuration of a project without campaignc.yaml.</summary>
    public static ProjectConfiguration Default { get; } = new();

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The full path of the campaignc.yaml read; null for <see cref="Default"/>.</summary>
    public string? FilePath { get; init; }

    public LintSettings Lint { get; init; } = LintSettings.None;

    public CampaignDefaults Defaults { get; init; } = CampaignDefaults.None;

    public TemplateSettings Templates { get; init; } = TemplateSettings.None;

    public ContactSettings Contacts { get; init; } = ContactSettings.None;

    public EventSettings Events { get; init; } = EventSettings.None;

    public RuntimeSettings Runtime { get; init; } = RuntimeSettings.None;

    /// <summary>The full paths of the C# plugin scripts (<c>plugins:</c>), in the order written; docs/configuration.md ("Plugins").</summary>
    public System.Collections.Immutable.ImmutableArray<string> Plugins { get; init; } = [];

    /// <summary>
    /// Five seconds: a thousand times what a function that looks at one contact needs, and still short enough that a
    /// loop without end stops the command at its first contact rather than looking like a slow run.
    /// </summary>
    public static readonly TimeSpan DefaultPluginTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>How long one call into a plugin script may take (<c>plugin_time_limit</c>); docs/configuration.md ("Plugins").</summary>
    public TimeSpan PluginTimeLimit { get; init; } = DefaultPluginTimeLimit;
}
