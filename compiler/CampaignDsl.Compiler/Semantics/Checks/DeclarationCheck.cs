using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>Names declared twice, and what every campaign must have: a type, an audience, a stage.</summary>
internal sealed class DeclarationCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        var campaign = scope.Campaign;
        ReportDuplicates(scope, diagnostics, campaign.Stages, s => s.Name, DiagnosticCatalog.StageDefinedTwice);
        ReportDuplicates(scope, diagnostics, campaign.Segments, s => s.Name, DiagnosticCatalog.SegmentDefinedTwice);
        ReportDuplicates(scope, diagnostics, campaign.Settings, s => s.Key, DiagnosticCatalog.SettingGivenTwice);

        var audiences = campaign.Audiences.ToList();
        foreach (var extra in audiences.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.AudienceGivenTwice(scope.At(extra.Span.Start, "audience"), scope.At(audiences[0])));
        }

        if (campaign.Name.IsMissing)
        {
            return;
        }

        var name = campaign.Name.Name;
        if (!campaign.Settings.Any(s => s.Key.Name == "type"))
        {
            diagnostics.Add(DiagnosticCatalog.CampaignWithoutType(scope.At(campaign.Name), name));
        }

        if (audiences.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.CampaignWithoutAudience(scope.At(campaign.Name), name));
        }

        if (!campaign.Stages.Any())
        {
            diagnostics.Add(DiagnosticCatalog.CampaignWithoutStages(scope.At(campaign.Name), name));
        }
    }

    internal static void ReportDuplicates<T>(CampaignScope scope, DiagnosticBag diagnostics, IEnumerable<T> items,
        Func<T, Identifier> nameOf, Func<SourceLocation, string, SourceLocation, Diagnostic> report)
    {
        var first = new Dictionary<string, Identifier>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = nameOf(item);
            if (name.IsMissing)
            {
                continue;
            }

            if (first.TryGetValue(name.Name, out var earlier))
            {
                diagnostics.Add(report(scope.At(name), name.Name, scope.At(earlier)));
            }
            else
            {
                first.Add(name.Name, name);
            }
        }
    }
}
