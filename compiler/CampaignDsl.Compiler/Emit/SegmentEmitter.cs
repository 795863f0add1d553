using System.Collections.Immutable;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The plan's segments: the campaign's own, then every other one its expressions name (shared ones from
/// its file or an import), each listed after the segments its condition uses, so a reader can translate
/// them in order. Segments cannot use each other in a circle (the checks report that), so the order exists.
/// </summary>
internal static class SegmentEmitter
{
    public static ImmutableArray<PlanSegment> Emit(EmitContext context)
    {
        var ordered = ImmutableArray.CreateBuilder<PlanSegment>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var roots = context.Scope.Campaign.Segments.Where(s => !s.Name.IsMissing).Select(s => s.Name.Name).Concat(context.UsedSegments).ToList();
        foreach (var name in roots)
        {
            Visit(context, name, visited, ordered);
        }

        return ordered.ToImmutable();
    }

    private static void Visit(EmitContext context, string name, HashSet<string> visited, ImmutableArray<PlanSegment>.Builder ordered)
    {
        if (!visited.Add(name) || !context.Scope.Segments.TryGetValue(name, out var declaration))
        {
            return;
        }

        var source = context.SourceOf(declaration);
        var id = context.Id($"segment.{name}", source, declaration);
        var uses = new List<string>();
        var condition = new ExpressionEmitter(context.Scope, source, context.Map, uses.Add).Emit(declaration.Condition, $"segment.{name}.condition");
        foreach (var used in uses)
        {
            Visit(context, used, visited, ordered);
        }

        ordered.Add(new PlanSegment(id, name, condition));
    }
}
