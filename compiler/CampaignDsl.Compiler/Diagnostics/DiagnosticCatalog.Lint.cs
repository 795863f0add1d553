namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>Codes about the linter itself; the lint rules' own diagnostics carry the rules' kebab-case ids.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UnknownSuppressedRule = Warning("CDSL0100", "Unknown rule in a suppression comment",
        "`// campaignc-disable-next-line rule-id` names a lint rule that does not exist, so it silences nothing. Check the id against the lint rules in docs/diagnostics.md.");

    public static Diagnostic SuppressedRuleNotFound(SourceLocation at, string rule, string? suggestion) =>
        UnknownSuppressedRule.Create(at, $"there is no lint rule `{rule}` to silence{DidYouMean(suggestion)}");
}
