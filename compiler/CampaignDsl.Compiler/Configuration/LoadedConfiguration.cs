using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// The result of reading campaignc.yaml: the configuration (what was valid of it; defaults for the
/// rest) and the diagnostics, in the order of the file.
/// </summary>
public sealed record LoadedConfiguration(ProjectConfiguration Configuration, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>No campaignc.yaml: the defaults, and nothing to report.</summary>
    public static LoadedConfiguration None { get; } = new(ProjectConfiguration.Default, []);

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
