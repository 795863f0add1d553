using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// Type-checks the audience and segment conditions, and finds segments that use each other in a circle.
/// Run for each campaign (its audience and own segments) and once per file for its top-level segments.
/// </summary>
internal sealed class ConditionCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var audience in scope.Campaign.Audiences)
        {
            foreach (var where in audience.Conditions)
            {
                CheckCondition(scope, diagnostics, where.Condition, "the audience condition", ExpressionSite.AudienceCondition);
            }
        }

        if (scope.IsSharedDeclarations)
        {
            DeclarationCheck.ReportDuplicates(scope, diagnostics, scope.OwnSegments, s => s.Name, DiagnosticCatalog.SegmentDefinedTwice);
        }

        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var segment in scope.OwnSegments)
        {
            var references = CheckCondition(scope, diagnostics, segment.Condition, $"segment `{segment.Name.Name}`", ExpressionSite.Segment);
            if (!segment.Name.IsMissing)
            {
                uses.TryAdd(segment.Name.Name, references);
            }
        }

        ReportCycles(scope, diagnostics, uses);
    }

    /// <summary>Type-checks a condition that must be yes/no; returns the segments it names.</summary>
    public static HashSet<string> CheckCondition(CampaignScope scope, DiagnosticBag diagnostics, Expression condition, string what, ExpressionSite context)
    {
        var checker = new ExpressionTypeChecker(scope, diagnostics, context);
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
                var segment = scope.OwnSegments.First(s => s.Name.Name == cycle[0]);
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
