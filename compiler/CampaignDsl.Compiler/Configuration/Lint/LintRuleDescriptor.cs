using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>
/// What campaignc.yaml may say about one lint rule: its kebab-case id, the level it reports at
/// unless configured, and its options. Each rule publishes one; the loader checks settings against it.
/// </summary>
public sealed record LintRuleDescriptor(string Id, LintLevel DefaultLevel, ImmutableArray<LintOptionDescriptor> Options)
{
    /// <summary>The key that sets a rule's level next to its options; no option may take this name.</summary>
    public const string LevelKey = "level";

    public LintOptionDescriptor? FindOption(string name) => Options.FirstOrDefault(o => o.Name == name);
}
