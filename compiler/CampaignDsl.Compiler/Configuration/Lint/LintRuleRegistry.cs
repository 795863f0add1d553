using System.Collections.Frozen;

namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>A fixed set of lint rule descriptors, looked up by id.</summary>
public sealed class LintRuleRegistry : ILintRuleRegistry
{
    private readonly FrozenDictionary<string, LintRuleDescriptor> _rules;

    public LintRuleRegistry(IEnumerable<LintRuleDescriptor> rules)
    {
        var byId = new Dictionary<string, LintRuleDescriptor>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!byId.TryAdd(rule.Id, rule))
            {
                throw new ArgumentException($"lint rule `{rule.Id}` is registered twice", nameof(rules));
            }

            if (rule.FindOption(LintRuleDescriptor.LevelKey) is not null)
            {
                throw new ArgumentException($"lint rule `{rule.Id}` has an option named `{LintRuleDescriptor.LevelKey}`, which sets its level", nameof(rules));
            }
        }

        _rules = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>No rules: every rule named in campaignc.yaml is unknown.</summary>
    public static LintRuleRegistry Empty { get; } = new([]);

    public IEnumerable<LintRuleDescriptor> Rules => _rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal);

    public LintRuleDescriptor? Find(string id) => _rules.GetValueOrDefault(id);
}
