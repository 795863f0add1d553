using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Semantics.Checks;
using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Compiler;

/// <summary>
/// A set of campaign files checked together. The pipeline: read and parse every file, then run the
/// checks below over every campaign, then the checks that span files.
/// </summary>
public sealed class CampaignCompilation
{
    private static readonly ImmutableArray<ICampaignCheck> Checks =
    [
        new DeclarationCheck(),
        new SettingsCheck(),
        new StageTimingCheck(),
        new ConditionCheck(),
        new MessageCheck(),
    ];

    private CampaignCompilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<Diagnostic> diagnostics)
    {
        SyntaxTrees = trees;
        Diagnostics = diagnostics;
    }

    public ImmutableArray<SyntaxTree> SyntaxTrees { get; }

    /// <summary>All diagnostics, in file order, then by position within each file.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Reads, parses and checks files given as (path, content); files are processed in parallel.</summary>
    public static CampaignCompilation Compile(IReadOnlyList<(string Path, byte[] Content)> files) =>
        Compile(DeepStack.Map(files, f => SyntaxTree.Load(f.Path, f.Content)));

    public static CampaignCompilation Compile(IReadOnlyList<SyntaxTree> trees)
    {
        var schema = ContactSchema.Default;
        var events = EventCatalog.Default;
        var perFile = DeepStack.Map(trees, tree =>
        {
            var bag = new DiagnosticBag();
            bag.AddRange(tree.Diagnostics);
            foreach (var campaign in tree.Root?.Campaigns ?? [])
            {
                var scope = new CampaignScope(tree, campaign, schema, events);
                foreach (var check in Checks)
                {
                    check.Check(scope, bag);
                }
            }

            return bag;
        });

        var crossFile = new DiagnosticBag();
        CampaignNames.ReportDuplicates(trees, crossFile);
        var all = perFile.SelectMany(bag => bag.ToImmutable()).Concat(crossFile.ToImmutable());
        return new CampaignCompilation([.. trees], Sort(all, trees));
    }

    private static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<SyntaxTree> trees)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < trees.Count; i++)
        {
            fileOrder.TryAdd(trees[i].Source.Path, i);
        }

        return [.. diagnostics
            .OrderBy(d => fileOrder.GetValueOrDefault(d.Location.Path, int.MaxValue))
            .ThenBy(d => d.Location.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)];
    }
}
