using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>
/// One lint rule: a benchmark from the seed articles that a campaign can be checked against. A
/// rule has a kebab-case id (its diagnostics' code), a default level that campaignc.yaml may
/// change, a help text that cites its benchmark, and options. It runs over a campaign that has no
/// compiler errors and reports through <see cref="LintContext"/>, which applies the level.
/// </summary>
public abstract class LintRule
{
    protected LintRule(string id, string title, LintLevel defaultLevel, string help, params LintOptionDescriptor[] options)
    {
        Id = id;
        Title = title;
        DefaultLevel = defaultLevel;
        Help = help;
        Options = [.. options];
        Descriptor = new LintRuleDescriptor(id, defaultLevel, Options);
        DiagnosticDescriptor = new DiagnosticDescriptor(id, title, SeverityOf(defaultLevel) ?? DiagnosticSeverity.Info, help);
    }

    /// <summary>The kebab-case id, such as <c>discount-above-maximum</c>.</summary>
    public string Id { get; }

    public string Title { get; }

    public LintLevel DefaultLevel { get; }

    /// <summary>What the rule checks and why, citing its benchmark and seed article.</summary>
    public string Help { get; }

    public ImmutableArray<LintOptionDescriptor> Options { get; }

    /// <summary>What campaignc.yaml may say about the rule; the configuration loader checks settings against it.</summary>
    public LintRuleDescriptor Descriptor { get; }

    /// <summary>The rule's code, title and help for reports (SARIF rule metadata); its severity is the default level's.</summary>
    public DiagnosticDescriptor DiagnosticDescriptor { get; }

    public abstract void Analyze(LintContext context);

    /// <summary>The severity a level reports at; null for <see cref="LintLevel.Off"/>.</summary>
    public static DiagnosticSeverity? SeverityOf(LintLevel level) => level switch
    {
        LintLevel.Info => DiagnosticSeverity.Info,
        LintLevel.Warning => DiagnosticSeverity.Warning,
        LintLevel.Error => DiagnosticSeverity.Error,
        _ => null,
    };
}
