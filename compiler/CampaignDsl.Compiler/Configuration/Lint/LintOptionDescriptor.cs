namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>One option a lint rule takes in campaignc.yaml, such as <c>max</c> (a percentage).</summary>
public sealed record LintOptionDescriptor(string Name, LintOptionKind Kind);
