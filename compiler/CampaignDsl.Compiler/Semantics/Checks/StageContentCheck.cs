using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// What a stage holds: at least one send; <c>for</c> variants that name a segment, each with a send, side
/// by side in the stage (not one inside another); at most one <c>otherwise</c>, last, after a <c>for</c>;
/// conditions on the stage itself, not inside a variant.
/// </summary>
internal sealed class StageContentCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var stage in scope.Campaign.Stages)
        {
            if (!stage.AllSends.Any() && !stage.Name.IsMissing)
            {
                diagnostics.Add(DiagnosticCatalog.StageWithoutSend(scope.At(stage.Name), stage.Name.Name));
            }

            CheckVariants(scope, diagnostics, stage.Items);
            foreach (var variant in stage.Variants)
            {
                CheckInsideVariant(scope, diagnostics, variant);
            }
        }
    }

    private static void CheckVariants(CampaignScope scope, DiagnosticBag diagnostics, ImmutableArray<StageItem> items)
    {
        SegmentVariant? otherwise = null;
        var anyFor = false;
        foreach (var variant in items.OfType<SegmentVariant>())
        {
            if (variant.IsOtherwise)
            {
                var at = scope.At(variant.Span.Start, "otherwise");
                if (otherwise is not null)
                {
                    diagnostics.Add(DiagnosticCatalog.VariantMisplaced(at, $"this stage already has an `otherwise` at line {scope.At(otherwise).Start.Line}; merge them"));
                }
                else if (!anyFor)
                {
                    diagnostics.Add(DiagnosticCatalog.VariantMisplaced(at,
                        "`otherwise` has no `for` before it, so it is for everyone; move its items into the stage, or add a `for` variant before it"));
                }

                otherwise ??= variant;
                continue;
            }

            anyFor = true;
            if (otherwise is not null)
            {
                diagnostics.Add(DiagnosticCatalog.VariantMisplaced(scope.At(variant.Span.Start, "for"),
                    "a `for` variant after `otherwise` is never used, since `otherwise` takes everyone left; move `otherwise` last"));
            }

            if (variant.Segment is { IsMissing: false } segment && !scope.Segments.ContainsKey(segment.Name))
            {
                diagnostics.Add(DiagnosticCatalog.VariantSegmentNotFound(scope.At(segment), segment.Name,
                    NameSuggester.Suggest(segment.Name, scope.Segments.Keys), scope.Schema.Find(segment.Name) is not null || scope.Events.Contains(segment.Name)));
            }
        }
    }

    private static void CheckInsideVariant(CampaignScope scope, DiagnosticBag diagnostics, SegmentVariant variant)
    {
        var what = variant.IsOtherwise ? "`otherwise`" : $"`for {variant.Segment!.Name}`";
        if (!variant.Items.OfType<SendAction>().Any())
        {
            diagnostics.Add(DiagnosticCatalog.VariantWithoutSend(scope.At(variant.Span.Start, variant.IsOtherwise ? "otherwise" : "for"), what));
        }

        foreach (var item in variant.Items)
        {
            switch (item)
            {
                case SegmentVariant inner:
                    diagnostics.Add(DiagnosticCatalog.VariantMisplaced(scope.At(inner.Span.Start, inner.IsOtherwise ? "otherwise" : "for"),
                        $"a variant cannot stand inside {what}; put the variants side by side in the stage, or combine the segments into one"));
                    break;
                case StageCondition condition:
                    var keyword = condition.Kind == ConditionKind.When ? "when" : "unless";
                    diagnostics.Add(DiagnosticCatalog.VariantMisplaced(scope.At(condition.Span.Start, keyword),
                        $"`{keyword}` belongs to the stage, not to {what}; move it to the stage, or make the variant's segment say it"));
                    break;
            }
        }
    }
}
