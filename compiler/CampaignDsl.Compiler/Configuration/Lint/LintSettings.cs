using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>The <c>lint:</c> section: settings of the rules it names; a rule it does not name runs at its default level.</summary>
public sealed record LintSettings(ImmutableSortedDictionary<string, LintRuleSetting> Rules)
{
    public static LintSettings None { get; } = new(ImmutableSortedDictionary<string, LintRuleSetting>.Empty.WithComparers(StringComparer.Ordinal));

    public LintRuleSetting? Find(string ruleId) => Rules.GetValueOrDefault(ruleId);

    /// <summary>The level <paramref name="rule"/> reports at in this project.</summary>
    public LintLevel LevelOf(LintRuleDescriptor rule) => Find(rule.Id)?.Level ?? rule.DefaultLevel;
}
