using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>Campaign names are unique across every file compiled together.</summary>
internal static class CampaignNames
{
    public static void ReportDuplicates(IEnumerable<SyntaxTree> trees, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var campaign in tree.Root?.Campaigns ?? [])
            {
                if (campaign.Name.IsMissing)
                {
                    continue;
                }

                var here = new SourceLocation(tree.Source, campaign.Name.Span);
                if (!first.TryAdd(campaign.Name.Name, here))
                {
                    diagnostics.Add(DiagnosticCatalog.CampaignDefinedTwice(here, campaign.Name.Name, first[campaign.Name.Name]));
                }
            }
        }
    }
}
