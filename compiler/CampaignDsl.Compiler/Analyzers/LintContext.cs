using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>
/// What one rule sees of one campaign: the campaign's scope, the project's defaults, the rule's
/// options as configured, and where to report. Every report gets the rule's configured severity.
/// </summary>
public sealed class LintContext
{
    /// <summary>The option most rules take: the campaign types the rule applies to.</summary>
    public const string TypesOption = "types";

    private readonly LintRule _rule;
    private readonly DiagnosticSeverity _severity;
    private readonly LintRuleSetting? _setting;
    private readonly DiagnosticBag _diagnostics;

    internal LintContext(CampaignScope scope, CampaignDefaults defaults, LintRule rule, DiagnosticSeverity severity, LintRuleSetting? setting, DiagnosticBag diagnostics)
    {
        Scope = scope;
        Defaults = defaults;
        _rule = rule;
        _severity = severity;
        _setting = setting;
        _diagnostics = diagnostics;
        Campaign = new CampaignFacts(scope);
    }

    public CampaignScope Scope { get; }

    /// <summary>The project's defaults from campaignc.yaml (send window, sender), for what a campaign does not say itself.</summary>
    public CampaignDefaults Defaults { get; }

    /// <summary>What the rules ask of a campaign: its type, its policy, its message stages.</summary>
    public CampaignFacts Campaign { get; }

    public decimal Percent(string option, decimal fallback) => _setting?.Percent(option) ?? fallback;

    public decimal Number(string option, decimal fallback) => _setting?.Number(option) ?? fallback;

    public TimeSpan Duration(string option, TimeSpan fallback) => _setting?.Duration(option) ?? fallback;

    public string? Text(string option) => _setting?.Text(option);

    public ImmutableArray<string> List(string option, ImmutableArray<string> fallback) => _setting?.List(option) ?? fallback;

    /// <summary>Where campaignc.yaml sets an option, for a rule that finds its value unusable; null when it is not set.</summary>
    public SourceLocation? OptionLocation(string option) => _setting?.Options.GetValueOrDefault(option)?.Location;

    /// <summary>Whether the campaign's type is one of the <c>types</c> option (or <paramref name="defaultTypes"/> when not configured).</summary>
    public bool AppliesTo(ImmutableArray<string> defaultTypes) =>
        Campaign.Type is { } type && List(TypesOption, defaultTypes).Contains(type, StringComparer.Ordinal);

    public void Report(SyntaxNode node, string message) => Report(Scope.At(node), message);

    public void Report(SourceLocation location, string message) =>
        _diagnostics.Add(new Diagnostic(_rule.DiagnosticDescriptor, _severity, message, location));
}
