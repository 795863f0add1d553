using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// What a stage or a variant holds: its <c>when</c>/<c>unless</c> conditions, its sends, its
/// <c>for</c> variants and <c>otherwise</c>, its click rules. Ids count each kind from 0 within their
/// container (<c>stage.incentive.send.1</c>); a variant's id names its segment (<c>stage.incentive.for.high_value</c>).
/// </summary>
internal static class ActionsEmitter
{
    public static ImmutableArray<PlanCondition> Conditions(EmitContext context, ImmutableArray<StageItem> items, string parentId)
    {
        var result = ImmutableArray.CreateBuilder<PlanCondition>();
        var counts = new Dictionary<ConditionKind, int>();
        foreach (var condition in items.OfType<StageCondition>())
        {
            var kind = condition.Kind == ConditionKind.When ? PlanCondition.When : PlanCondition.Unless;
            var n = counts.GetValueOrDefault(condition.Kind);
            counts[condition.Kind] = n + 1;
            var id = context.Id(string.Create(CultureInfo.InvariantCulture, $"{parentId}.{kind}.{n}"), condition);
            result.Add(new PlanCondition(id, kind, context.Expression(condition.Condition, id + ".condition")));
        }

        return result.ToImmutable();
    }

    public static PlanActions Emit(EmitContext context, ImmutableArray<StageItem> items, string parentId)
    {
        var sends = ImmutableArray.CreateBuilder<PlanSend>();
        var variants = ImmutableArray.CreateBuilder<PlanVariant>();
        var clicks = ImmutableArray.CreateBuilder<PlanClickRule>();
        PlanVariant? otherwise = null;
        foreach (var item in items)
        {
            switch (item)
            {
                case SendAction send:
                    sends.Add(SendEmitter.Emit(context, send, string.Create(CultureInfo.InvariantCulture, $"{parentId}.send.{sends.Count}")));
                    break;
                case SegmentVariant { Segment: { } segment } variant:
                    context.UseSegment(segment.Name);
                    variants.Add(Variant(context, variant, $"{parentId}.for.{segment.Name}", segment.Name));
                    break;
                case SegmentVariant variant:
                    // A second `otherwise` is reported by the checks; the first counts.
                    otherwise ??= Variant(context, variant, $"{parentId}.otherwise", null);
                    break;
                case ClickRule click:
                    clicks.Add(Click(context, click, string.Create(CultureInfo.InvariantCulture, $"{parentId}.click.{clicks.Count}")));
                    break;
            }
        }

        return new PlanActions(sends.ToImmutable(), variants.ToImmutable(), otherwise, clicks.ToImmutable());
    }

    private static PlanVariant Variant(EmitContext context, SegmentVariant variant, string id, string? segment)
    {
        id = context.Id(id, variant);
        return new PlanVariant(id, segment, Conditions(context, variant.Items, id), Emit(context, variant.Items, id));
    }

    private static PlanClickRule Click(EmitContext context, ClickRule click, string id)
    {
        id = context.Id(id, click);
        return new PlanClickRule(id, click.Pattern?.Value, click.Target.Name, context.Expression(click.Value, id + ".value"));
    }
}
