using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Compiler.Text;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// What the emitters of one campaign's plan share: the campaign's scope, the source map being built,
/// where declarations came from (imported segments and incentives live in other files), and which
/// segments and incentives the plan has used so far, in the order of first use.
/// </summary>
internal sealed class EmitContext(
    CampaignScope scope,
    SourceMapBuilder map,
    ITemplateSource templates,
    CompilationOptions options,
    DiagnosticBag diagnostics)
{
    private readonly List<string> _segments = [];
    private readonly List<string> _incentives = [];

    public CampaignScope Scope => scope;

    public SourceMapBuilder Map => map;

    public ITemplateSource Templates => templates;

    public CompilationOptions Options => options;

    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>The campaign file.</summary>
    public SourceText Source => scope.Tree.Source;

    /// <summary>Segments named so far, in the order of first use.</summary>
    public IReadOnlyList<string> UsedSegments => _segments;

    /// <summary>Incentives sends carry, in the order of first use.</summary>
    public IReadOnlyList<string> UsedIncentives => _incentives;

    /// <summary>Records a node of the campaign file and returns its id.</summary>
    public string Id(string id, SyntaxNode node) => map.Add(id, Source, node.Span);

    /// <summary>Records a node of the file <paramref name="source"/> and returns its id.</summary>
    public string Id(string id, SourceText source, SyntaxNode node) => map.Add(id, source, node.Span);

    /// <summary>An expression of the campaign file.</summary>
    public PlanExpression Expression(Expression expression, string id) => Expression(expression, id, Source);

    /// <summary>An expression of the file <paramref name="source"/>.</summary>
    public PlanExpression Expression(Expression expression, string id, SourceText source) =>
        new ExpressionEmitter(scope, source, map, UseSegment).Emit(expression, id);

    /// <summary>The file a segment or incentive was declared in: the campaign's own, or one it imports.</summary>
    public SourceText SourceOf(SyntaxNode declaration) => scope.TreeOf(declaration).Source;

    public void UseSegment(string name)
    {
        if (!_segments.Contains(name, StringComparer.Ordinal))
        {
            _segments.Add(name);
        }
    }

    public void UseIncentive(string name)
    {
        if (!_incentives.Contains(name, StringComparer.Ordinal))
        {
            _incentives.Add(name);
        }
    }
}
