using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// What a Handlebars template holds: its block structure, every name it looks up, the helpers and
/// partials it calls, its comments, and its syntax errors. Spans are offsets into <see cref="Source"/>.
/// </summary>
public sealed record TemplateAnalysis(
    SourceText Source,
    ImmutableArray<TemplateNode> Nodes,
    ImmutableArray<VariableReference> References,
    ImmutableArray<HelperCall> Helpers,
    ImmutableArray<PartialNode> Partials,
    ImmutableArray<TextSpan> Comments,
    ImmutableArray<TemplateSyntaxError> Errors)
{
    public string Path => Source.Path;

    public bool HasErrors => !Errors.IsEmpty;

    /// <summary>References to values from outside the template (contact, incentive, built-ins); scoped names are left out.</summary>
    public IEnumerable<VariableReference> RootReferences => References.Where(r => !r.IsScoped);

    /// <summary>The one-based line and column of an offset in the template.</summary>
    public LinePosition PositionOf(int offset) => Source.GetPosition(offset);
}
