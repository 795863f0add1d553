using System.Collections.Frozen;
using System.Collections.Immutable;
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
        : this(tree, campaign, schema, events, [])
    {
    }

    /// <param name="imports">The files <paramref name="tree"/> imports, directly or not, nearest first (<see cref="Importing.ImportGraph.ImportsOf"/>).</param>
    public CampaignScope(SyntaxTree tree, CampaignDecl campaign, ContactSchema schema, EventCatalog events, IReadOnlyList<SyntaxTree> imports)
        : this(tree, campaign, schema, events, imports, isSharedDeclarations: false)
    {
    }

    private CampaignScope(SyntaxTree tree, CampaignDecl campaign, ContactSchema schema, EventCatalog events, IReadOnlyList<SyntaxTree> imports,
        bool isSharedDeclarations)
    {
        Tree = tree;
        Campaign = campaign;
        Schema = schema;
        Events = events;
        Imports = [.. imports];
        IsSharedDeclarations = isSharedDeclarations;
        Stages = FirstByName(campaign.Stages, s => s.Name);
        // A campaign's own declarations come first, then those shared at the top of its file, then the imported files' ones.
        var file = tree.Root;
        OwnSegments = isSharedDeclarations ? [.. file?.Segments ?? []] : [.. campaign.Segments];
        OwnIncentives = isSharedDeclarations ? [.. file?.Incentives ?? []] : [.. campaign.Incentives];
        Segments = FirstByName(campaign.Segments.Concat(file?.Segments ?? []).Concat(imports.SelectMany(i => i.Root?.Segments ?? [])), s => s.Name);
        Incentives = FirstByName(campaign.Incentives.Concat(file?.Incentives ?? []).Concat(imports.SelectMany(i => i.Root?.Incentives ?? [])), i => i.Name);
        _origins = new Dictionary<SyntaxNode, SyntaxTree>(ReferenceEqualityComparer.Instance);
        foreach (var import in imports)
        {
            foreach (var item in import.Root?.Items ?? [])
            {
                if (item is SyntaxNode node)
                {
                    _origins.TryAdd(node, import);
                }
            }
        }

        StageOrder = campaign.Stages.Where(s => !s.Name.IsMissing).Select(s => s.Name.Name).Distinct()
            .Select((name, index) => (name, index)).ToFrozenDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
    }

    private readonly Dictionary<SyntaxNode, SyntaxTree> _origins;

    public SyntaxTree Tree { get; }

    /// <summary>The files this campaign's file imports, directly or through others, nearest first.</summary>
    public ImmutableArray<SyntaxTree> Imports { get; }

    /// <summary>
    /// True for the scope of a file's top-level segments and incentives (<see cref="ForSharedDeclarations"/>):
    /// it has no campaign of its own, so no stages, settings or policy.
    /// </summary>
    public bool IsSharedDeclarations { get; }

    /// <summary>The segments this scope declares and checks: the campaign's own, or a file's top-level ones.</summary>
    public ImmutableArray<SegmentDecl> OwnSegments { get; }

    /// <summary>The incentives this scope declares and checks: the campaign's own, or a file's top-level ones.</summary>
    public ImmutableArray<IncentiveDecl> OwnIncentives { get; }

    /// <summary>The names of the campaigns among the files compiled together, for <c>then enroll</c>.</summary>
    public FrozenSet<string> CompiledCampaigns { get; init; } = FrozenSet<string>.Empty;

    /// <summary>The functions plugin scripts add (<see cref="CompilationOptions.PluginFunctions"/>), callable like built-in ones.</summary>
    public FrozenDictionary<string, FunctionSignature> PluginFunctions { get; init; } = FrozenDictionary<string, FunctionSignature>.Empty;

    /// <summary>A built-in function, or else a plugin function, by name.</summary>
    public FunctionSignature? FindFunction(string name) => BuiltInFunctions.Find(name) ?? PluginFunctions.GetValueOrDefault(name);

    /// <summary>Campaigns in files that are only imported (not compiled), by name, with their file's path.</summary>
    public FrozenDictionary<string, string> ImportedOnlyCampaigns { get; init; } = FrozenDictionary<string, string>.Empty;

    public CampaignDecl Campaign { get; }

    public ContactSchema Schema { get; }

    public EventCatalog Events { get; }

    public FrozenDictionary<string, StageDecl> Stages { get; }

    public FrozenDictionary<string, int> StageOrder { get; }

    /// <summary>Segments the campaign may use: its own, then its file's top-level ones.</summary>
    public FrozenDictionary<string, SegmentDecl> Segments { get; }

    /// <summary>Incentives the campaign may use: its own, then its file's top-level ones.</summary>
    public FrozenDictionary<string, IncentiveDecl> Incentives { get; }

    /// <summary>The compilation's templates, read once for all campaigns; null when template files are not checked.</summary>
    public Templates.TemplateLibrary? Templates { get; init; }

    /// <summary>The scope of a file's top-level segments and incentives, checked once per file whichever campaigns use them.</summary>
    public static CampaignScope ForSharedDeclarations(SyntaxTree tree, ContactSchema schema, EventCatalog events, IReadOnlyList<SyntaxTree> imports,
        FrozenDictionary<string, FunctionSignature>? pluginFunctions = null) =>
        new(tree, new CampaignDecl(new TextSpan(0, 0), new Identifier(new TextSpan(0, 0), ""), null, []), schema, events, imports, isSharedDeclarations: true)
        {
            PluginFunctions = pluginFunctions ?? FrozenDictionary<string, FunctionSignature>.Empty,
        };

    /// <summary>The file a segment or incentive this scope can use is declared in: this campaign's file, or an imported one.</summary>
    public SyntaxTree TreeOf(SyntaxNode declaration) => _origins.GetValueOrDefault(declaration) ?? Tree;

    /// <summary>Whether a segment or incentive comes from an imported file, whose own checks report its mistakes.</summary>
    public bool IsImported(SyntaxNode declaration) => _origins.ContainsKey(declaration);

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
