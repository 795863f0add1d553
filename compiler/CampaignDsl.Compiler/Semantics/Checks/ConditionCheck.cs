using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>Type-checks the audience and segment conditions, and finds segments that use each other in a circle.</summary>
internal sealed class ConditionCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var audience in scope.Campaign.Audiences)
        {
            if (audience.Where is { } where)
            {
                CheckCondition(scope, diagnostics, where, "the audience condition");
            }
        }

        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var segment in scope.Campaign.Segments)
        {
            var references = CheckCondition(scope, diagnostics, segment.Condition, $"segment `{segment.Name.Name}`");
            if (!segment.Name.IsMissing)
            {
                uses.TryAdd(segment.Name.Name, references);
            }
        }

        ReportCycles(scope, diagnostics, uses);
    }

    private static HashSet<string> CheckCondition(CampaignScope scope, DiagnosticBag diagnostics, Expression condition, string what)
    {
        var checker = new ExpressionTypeChecker(scope, diagnostics);
        var type = checker.Check(condition);
        if (!type.IsError && type != DataType.Bool)
        {
            diagnostics.Add(DiagnosticCatalog.NotACondition(scope.At(condition), what, type.Describe()));
        }

        return checker.SegmentReferences;
    }

    private static void ReportCycles(CampaignScope scope, DiagnosticBag diagnostics, Dictionary<string, HashSet<string>> uses)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in uses.Keys)
        {
            var path = new List<string>();
            if (FindCycle(start, uses, path, done) is { } cycle)
            {
                var segment = scope.Segments[cycle[0]];
                diagnostics.Add(DiagnosticCatalog.SegmentsInCircle(scope.At(segment.Name), cycle.Append(cycle[0])));
                done.UnionWith(cycle);
            }
        }
    }

    private static List<string>? FindCycle(string name, Dictionary<string, HashSet<string>> uses, List<string> path, HashSet<string> done)
    {
        if (done.Contains(name))
        {
            return null;
        }

        var index = path.IndexOf(name);
        if (index >= 0)
        {
            return path[index..];
        }

        path.Add(name);
        foreach (var next in uses.GetValueOrDefault(name) ?? [])
        {
            if (FindCycle(next, uses, path, done) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(name);
        return null;
    }
}
