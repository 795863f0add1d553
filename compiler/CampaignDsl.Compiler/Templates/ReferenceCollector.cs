using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Walks a template's blocks and lists every name it looks up, with its role, whether it is scoped
/// (relative to a block's item or context rather than the template's root) and which enclosing
/// conditions guard it; also the helpers, partials and comments met on the way.
/// </summary>
internal sealed class ReferenceCollector
{
    private readonly List<VariableReference> _references = [];
    private readonly List<HelperCall> _helpers = [];
    private readonly List<PartialNode> _partials = [];
    private readonly List<TextSpan> _comments = [];

    public static (ImmutableArray<VariableReference> References, ImmutableArray<HelperCall> Helpers, ImmutableArray<PartialNode> Partials, ImmutableArray<TextSpan> Comments)
        Collect(ImmutableArray<TemplateNode> nodes)
    {
        var collector = new ReferenceCollector();
        collector.Visit(nodes, new Context(Scoped: false, Guards: []));
        return ([.. collector._references], [.. collector._helpers], [.. collector._partials], [.. collector._comments]);
    }

    private void Visit(IEnumerable<TemplateNode> nodes, Context context)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case OutputNode output:
                    VisitCall(output.Expression, context, ReferenceRole.Output);
                    break;
                case PartialNode partial:
                    _partials.Add(partial);
                    VisitArguments(partial.Expression, context, ReferenceRole.PartialArgument);
                    break;
                case CommentNode comment:
                    _comments.Add(comment.Span);
                    break;
                case BlockNode block:
                    VisitBlock(block, context);
                    break;
            }
        }
    }

    /// <summary>A tag's expression: a value when it has no arguments, else a helper and its arguments.</summary>
    private void VisitCall(TagExpression expression, Context context, ReferenceRole role)
    {
        if (!expression.IsHelperCall)
        {
            VisitValue(expression.Head, context, role);
            return;
        }

        if (expression.Head is TemplatePath helper)
        {
            _helpers.Add(new HelperCall(helper.Span, helper.Written));
        }
        else
        {
            VisitValue(expression.Head, context, ReferenceRole.HelperArgument);
        }

        VisitArguments(expression, context, ReferenceRole.HelperArgument);
    }

    private void VisitArguments(TagExpression expression, Context context, ReferenceRole role)
    {
        if (expression.Head is TemplateSubExpression dynamicName)
        {
            VisitValue(dynamicName, context, role);
        }

        foreach (var parameter in expression.Parameters)
        {
            VisitValue(parameter, context, role);
        }

        foreach (var pair in expression.Hash)
        {
            VisitValue(pair.Value, context, role);
        }
    }

    private void VisitValue(TemplateValue? value, Context context, ReferenceRole role)
    {
        switch (value)
        {
            case TemplatePath path:
                var scoped = path.IsContextual || (context.Scoped && !path.IsRootData) || path.Parts.IsEmpty;
                _references.Add(new VariableReference(path.Span, path.Parts.IsEmpty ? path.Written : path.RootName, role, scoped, context.Guards, path));
                break;
            case TemplateSubExpression sub:
                VisitCall(sub.Expression, context, ReferenceRole.HelperArgument);
                break;
        }
    }

    private void VisitBlock(BlockNode block, Context context)
    {
        var expression = block.Expression;
        var subject = block.Kind is BlockKind.Section or BlockKind.InvertedSection ? expression.Head : expression.Parameters.FirstOrDefault();
        switch (block.Kind)
        {
            case BlockKind.If or BlockKind.Unless or BlockKind.InvertedSection:
                VisitValue(subject, context, ReferenceRole.Condition);
                VisitHash(expression, context);
                break;
            case BlockKind.Each or BlockKind.With or BlockKind.Section:
                VisitValue(subject, context, ReferenceRole.BlockContext);
                VisitHash(expression, context);
                break;
            case BlockKind.Helper:
                VisitCall(expression, context, ReferenceRole.HelperArgument);
                break;
            case BlockKind.PartialBlock:
                VisitArguments(expression, context, ReferenceRole.PartialArgument);
                break;
        }

        // Each, with, sections and custom helpers render their content in another context; an else
        // part renders in the surrounding one (a custom helper decides for itself, so both count as scoped).
        var changesContext = block.Kind is BlockKind.Each or BlockKind.With or BlockKind.Section or BlockKind.Helper or BlockKind.Decorator
            || (block.Kind == BlockKind.PartialBlock && expression.Parameters.Length > 0);
        var guard = GuardName(subject, context);
        var programGuarded = block.Kind is BlockKind.If or BlockKind.Each or BlockKind.With or BlockKind.Section;
        var inverseGuarded = block.Kind is BlockKind.Unless or BlockKind.InvertedSection;
        Visit(block.Program.Children, context.Enter(changesContext, programGuarded ? guard : null));
        if (block.Inverse is { } inverse)
        {
            Visit(inverse.Children, context.Enter(block.Kind is BlockKind.Helper or BlockKind.Decorator, inverseGuarded ? guard : null));
        }
    }

    private void VisitHash(TagExpression expression, Context context)
    {
        foreach (var pair in expression.Hash)
        {
            VisitValue(pair.Value, context, ReferenceRole.HelperArgument);
        }
    }

    /// <summary>The root name a block tests, when it is one: <c>incentive</c> in <c>{{#if incentive}}</c>.</summary>
    private static string? GuardName(TemplateValue? subject, Context context) =>
        subject is TemplatePath { IsContextual: false, Parts.IsEmpty: false } path && (!context.Scoped || path.IsRootData) ? path.RootName : null;

    private readonly record struct Context(bool Scoped, ImmutableArray<string> Guards)
    {
        public Context Enter(bool changesContext, string? guard) =>
            new(Scoped || changesContext, guard is null ? Guards : Guards.Add(guard));
    }
}
