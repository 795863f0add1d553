namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>The lint rules campaignc.yaml may configure. The analyzers provide the real one; tests make their own.</summary>
public interface ILintRuleRegistry
{
    IEnumerable<LintRuleDescriptor> Rules { get; }

    LintRuleDescriptor? Find(string id);
}
