using System.Collections.Frozen;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>
/// One campaign as the checks see it: its file, its declaration and its names. Where a name is
/// declared twice the first declaration counts (the duplicate itself is reported by a check).
/// </summary>
public sealed class CampaignScope
{
    public CampaignScope(SyntaxTree tree, CampaignDecl campaign, ContactSchema schema, EventCatalog events)
    {
        Tree = tree;
        Campaign = campaign;
        Schema = schema;
        Events = events;
        Stages = FirstByName(campaign.Stages, s => s.Name);
        // A campaign's own declarations come first, then those shared at the top of its file.
        var file = tree.Root;
        Segments = FirstByName(campaign.Segments.Concat(file?.Segments ?? []), s => s.Name);
        Incentives = FirstByName(campaign.Incentives.Concat(file?.Incentives ?? []), i => i.Name);
        StageOrder = campaign.Stages.Where(s => !s.Name.IsMissing).Select(s => s.Name.Name).Distinct()
            .Select((name, index) => (name, index)).ToFrozenDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
    }

    public SyntaxTree Tree { get; }

    public CampaignDecl Campaign { get; }

    public ContactSchema Schema { get; }

    public EventCatalog Events { get; }

    public FrozenDictionary<string, StageDecl> Stages { get; }

    public FrozenDictionary<string, int> StageOrder { get; }

    /// <summary>Segments the campaign may use: its own, then its file's top-level ones.</summary>
    public FrozenDictionary<string, SegmentDecl> Segments { get; }

    /// <summary>Incentives the campaign may use: its own, then its file's top-level ones.</summary>
    public FrozenDictionary<string, IncentiveDecl> Incentives { get; }

    public SourceLocation At(TextSpan span) => new(Tree.Source, span);

    public SourceLocation At(SyntaxNode node) => new(Tree.Source, node.Span);

    /// <summary>The location of a keyword at <paramref name="start"/>, for diagnostics about a whole block.</summary>
    public SourceLocation At(int start, string keyword) => new(Tree.Source, new TextSpan(start, keyword.Length));

    private static FrozenDictionary<string, T> FirstByName<T>(IEnumerable<T> items, Func<T, Identifier> name)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var id = name(item);
            if (!id.IsMissing)
            {
                result.TryAdd(id.Name, item);
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
