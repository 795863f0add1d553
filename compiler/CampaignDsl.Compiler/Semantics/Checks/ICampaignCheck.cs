using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>One check over one campaign; it only reports, it never changes the AST.</summary>
internal interface ICampaignCheck
{
    void Check(CampaignScope scope, DiagnosticBag diagnostics);
}
