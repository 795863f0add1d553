using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>
/// Runs the lint rules, at the levels and with the options campaignc.yaml gives them, over the
/// campaigns of one file that compiled without errors, then drops what suppression comments silence.
/// </summary>
public sealed class Linter
{
    private readonly IReadOnlyList<(LintRule Rule, DiagnosticSeverity Severity, LintRuleSetting? Setting)> _active;
    private readonly CampaignDefaults _defaults;

    public Linter(ProjectConfiguration configuration, IEnumerable<LintRule>? rules = null)
    {
        _defaults = configuration.Defaults;
        _active = [.. (rules ?? LintRules.All)
            .Select(rule => (rule, severity: LintRule.SeverityOf(configuration.Lint.LevelOf(rule.Descriptor)), setting: configuration.Lint.Find(rule.Id)))
            .Where(r => r.severity is not null)
            .Select(r => (r.rule, r.severity!.Value, r.setting))];
    }

    /// <summary>Lints <paramref name="campaigns"/> (the error-free campaigns of <paramref name="tree"/>) into <paramref name="diagnostics"/>.</summary>
    public void Lint(SyntaxTree tree, IReadOnlyList<CampaignScope> campaigns, DiagnosticBag diagnostics)
    {
        var found = new DiagnosticBag();
        foreach (var scope in campaigns)
        {
            foreach (var (rule, severity, setting) in _active)
            {
                rule.Analyze(new LintContext(scope, _defaults, rule, severity, setting, found));
            }
        }

        var suppressions = SuppressionComments.Read(tree.Source, id => LintRules.Find(id) is not null, LintRules.All.Select(r => r.Id));
        diagnostics.AddRange(suppressions.Diagnostics);
        diagnostics.AddRange(found.ToImmutable().Where(d => !suppressions.Suppresses(d)));
    }
}
