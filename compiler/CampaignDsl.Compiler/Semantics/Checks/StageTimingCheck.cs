using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>Waits longer than zero, windows that end after they start, anchors on earlier stages.</summary>
internal sealed class StageTimingCheck : ICampaignCheck
{
    public const string EntryAnchor = "entry";

    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var stage in scope.Campaign.Stages)
        {
            if (stage.Timing is not { } timing)
            {
                continue;
            }

            var earliestOk = CheckPositive(scope, diagnostics, timing.Earliest);
            var latestOk = timing.Latest is null || CheckPositive(scope, diagnostics, timing.Latest);
            if (earliestOk && latestOk && timing.Latest is { } latest && latest.Value < timing.Earliest.Value)
            {
                diagnostics.Add(DiagnosticCatalog.WindowReversed(scope.At(timing.Earliest.Span.Cover(latest.Span)),
                    timing.Earliest.ToString(), latest.ToString()));
            }

            if (timing.Anchor is { IsMissing: false } anchor && anchor.Name != EntryAnchor)
            {
                CheckAnchor(scope, diagnostics, stage, anchor);
            }
        }
    }

    private static bool CheckPositive(CampaignScope scope, DiagnosticBag diagnostics, DurationLiteral duration)
    {
        if (duration.Amount > 0)
        {
            return true;
        }

        diagnostics.Add(DiagnosticCatalog.DurationNotPositive(scope.At(duration), scope.Tree.Source.Text.Substring(duration.Span.Start, duration.Span.Length)));
        return false;
    }

    private static void CheckAnchor(CampaignScope scope, DiagnosticBag diagnostics, StageDecl stage, Identifier anchor)
    {
        if (!scope.StageOrder.TryGetValue(anchor.Name, out var anchorIndex))
        {
            diagnostics.Add(DiagnosticCatalog.StageNotFound(scope.At(anchor), anchor.Name,
                NameSuggester.Suggest(anchor.Name, scope.StageOrder.Keys.Append(EntryAnchor))));
            return;
        }

        if (!stage.Name.IsMissing && scope.StageOrder.TryGetValue(stage.Name.Name, out var stageIndex) && anchorIndex >= stageIndex)
        {
            diagnostics.Add(DiagnosticCatalog.AnchorMustBeEarlier(scope.At(anchor), stage.Name.Name, anchor.Name));
        }
    }
}
