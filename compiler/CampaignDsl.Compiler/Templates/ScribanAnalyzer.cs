using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Syntax;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Analyses a Scriban template into the same <see cref="TemplateAnalysis"/> the Handlebars checks read:
/// Scriban's own parser gives the syntax errors (at the template's line and column); a walk of its AST
/// gives the names it looks up (<c>first_name</c>, <c>incentive.code</c>, with the names tested by
/// enclosing <c>if</c>s as guards), and a block structure of literal text, printed values, <c>if</c>s
/// and loops for the unsubscribe-link and SMS-length checks. Names the template assigns, loop
/// variables and Scriban's built-in objects (<c>string</c>, <c>date</c>, ...) are not contact variables.
/// </summary>
public static class ScribanAnalyzer
{
    private static readonly ImmutableHashSet<string> BuiltIns = [.. new BuiltinFunctions().Keys, "for", "while", "tablerow", "this", "empty", "include"];

    public static TemplateAnalysis Analyze(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Template template;
        try
        {
            template = Template.Parse(source.Text, source.Path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Empty(source, [new TemplateSyntaxError(new TextSpan(0, 0), TemplateSyntaxMessages.Scriban(e.Message))]);
        }

        var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error)
            .Select(m => new TemplateSyntaxError(SpanOf(m.Span, source.Text.Length), TemplateSyntaxMessages.Scriban(m.Message)))
            .ToImmutableArray();
        if (template.Page is not { } page || !errors.IsEmpty)
        {
            return Empty(source, errors);
        }

        var locals = new HashSet<string>(StringComparer.Ordinal);
        CollectLocals(page, locals);
        var references = new List<VariableReference>();
        new ReferenceWalker(source.Text.Length, locals, references).Walk(page, ReferenceRole.Output, []);
        var nodes = page.Body is { } body ? Statements(body, source, locals) : [];
        return new TemplateAnalysis(source, nodes, [.. references.OrderBy(r => r.Span.Start)], [], [], [], []);
    }

    private static TemplateAnalysis Empty(SourceText source, ImmutableArray<TemplateSyntaxError> errors) =>
        new(source, [], [], [], [], [], errors);

    /// <summary>A Scriban span (inclusive end) as a span of the text.</summary>
    internal static TextSpan SpanOf(SourceSpan span, int textLength)
    {
        var start = Math.Clamp(span.Start.Offset, 0, textLength);
        var end = Math.Clamp(span.End.Offset + 1, start, textLength);
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Names the template gives values itself: assignment targets, loop variables, captures, functions.</summary>
    private static void CollectLocals(ScriptNode? node, HashSet<string> locals)
    {
        if (node is null)
        {
            return;
        }

        switch (node)
        {
            case ScriptAssignExpression { Target: ScriptVariable target }:
                locals.Add(target.Name);
                break;
            case ScriptForStatement { Variable: ScriptVariable variable }:
                locals.Add(variable.Name);
                break;
            case ScriptCaptureStatement { Target: ScriptVariable captured }:
                locals.Add(captured.Name);
                break;
            case ScriptFunction { NameOrDoToken: ScriptVariable function }:
                locals.Add(function.Name);
                break;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            CollectLocals(node.GetChildren(i), locals);
        }
    }

    private static ImmutableArray<TemplateNode> Statements(ScriptBlockStatement? block, SourceText source, HashSet<string> locals) =>
        block is null ? [] : [.. block.Statements.SelectMany(statement => Statement(statement, source, locals))];

    private static IEnumerable<TemplateNode> Statement(ScriptStatement statement, SourceText source, HashSet<string> locals)
    {
        var span = SpanOf(statement.Span, source.Text.Length);
        switch (statement)
        {
            case ScriptRawStatement raw:
                yield return new TextNode(span, raw.Text.ToString());
                break;
            case ScriptExpressionStatement { Expression: ScriptAssignExpression }:
                break;
            case ScriptExpressionStatement { Expression: { } expression } when GlobalPath(expression, locals) is { } name:
                var at = SpanOf(expression.Span, source.Text.Length);
                yield return new OutputNode(span, new TagExpression(at, new TemplatePath(at, name, [.. name.Split('.')], false, false, 0), [], [], []), false);
                break;
            case ScriptExpressionStatement { Expression: { } computed }:
                // A function call, a pipe, arithmetic: printed, but its length is the function's own.
                var where = SpanOf(computed.Span, source.Text.Length);
                yield return new OutputNode(span, new TagExpression(where, new TemplatePath(where, "expression", ["expression"], false, false, 0),
                    [new TemplateLiteral(where, "")], [], []), false);
                break;
            case ScriptIfStatement branch:
                yield return If(branch, source, locals);
                break;
            case ScriptLoopStatementBase loop:
                yield return new BlockNode(span, BlockKind.Each, "for", Nothing(span), span, [new BlockBranch(span, false, Statements(LoopBody(loop), source, locals))]);
                break;
            case ScriptNopStatement or ScriptEscapeStatement or ScriptEndStatement or ScriptExpressionStatement:
                // `{{` and `}}` themselves, `end`, an empty statement: nothing printed.
                break;
            default:
                // capture, case, with, wrap, func: what they print is their own.
                yield return new BlockNode(span, BlockKind.Helper, statement.GetType().Name, Nothing(span), span, [new BlockBranch(span, false, [])]);
                break;
        }
    }

    private static BlockNode If(ScriptIfStatement branch, SourceText source, HashSet<string> locals)
    {
        var span = SpanOf(branch.Span, source.Text.Length);
        var branches = ImmutableArray.Create(new BlockBranch(span, false, Statements(branch.Then, source, locals)));
        switch (branch.Else)
        {
            case ScriptIfStatement elseIf:
                branches = branches.Add(new BlockBranch(span, true, [If(elseIf, source, locals)]));
                break;
            case ScriptElseStatement otherwise:
                branches = branches.Add(new BlockBranch(span, true, Statements(otherwise.Body, source, locals)));
                break;
        }

        return new BlockNode(span, BlockKind.If, "if", Nothing(span), span, branches);
    }

    private static ScriptBlockStatement? LoopBody(ScriptLoopStatementBase loop) => loop switch
    {
        ScriptForStatement f => f.Body,
        ScriptWhileStatement w => w.Body,
        _ => null,
    };

    private static TagExpression Nothing(TextSpan span) => new(span, null, [], [], []);

    /// <summary><c>first_name</c>, <c>incentive.code</c>: a chain of members on a variable from outside the template, else null.</summary>
    internal static string? GlobalPath(ScriptExpression? expression, IReadOnlySet<string> locals) => expression switch
    {
        ScriptVariableGlobal global when !locals.Contains(global.Name) && !BuiltIns.Contains(global.Name) => global.Name,
        ScriptMemberExpression { Member: ScriptVariable member } m when GlobalPath(m.Target, locals) is { } target => target + "." + member.Name,
        _ => null,
    };

    /// <summary>Finds the names looked up from outside the template, with the role each plays and the names the <c>if</c>s around it test.</summary>
    private sealed class ReferenceWalker(int textLength, HashSet<string> locals, List<VariableReference> references)
    {
        public void Walk(ScriptNode? node, ReferenceRole role, ImmutableArray<string> guards)
        {
            switch (node)
            {
                case null:
                    return;
                case ScriptVariableGlobal global:
                    if (!locals.Contains(global.Name) && !BuiltIns.Contains(global.Name))
                    {
                        Add(global, role, guards);
                    }

                    return;
                case ScriptMemberExpression member:
                    Walk(member.Target, role, guards);
                    return;
                case ScriptAssignExpression assign:
                    Walk(assign.Value, role, guards);
                    return;
                case ScriptIfStatement branch:
                    Walk(branch.Condition, ReferenceRole.Condition, guards);
                    Walk(branch.Then, role, guards.AddRange(Tested(branch.Condition)));
                    Walk(branch.Else, role, guards);
                    return;
                case ScriptForStatement loop:
                    Walk(loop.Iterator, ReferenceRole.BlockContext, guards);
                    Walk(loop.Body, role, guards);
                    return;
                case ScriptFunctionCall call:
                    Walk(call.Target, ReferenceRole.HelperArgument, guards);
                    foreach (var argument in call.Arguments)
                    {
                        Walk(argument, ReferenceRole.HelperArgument, guards);
                    }

                    return;
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                Walk(node.GetChildren(i), role, guards);
            }
        }

        /// <summary>Records the longest member chain starting at <paramref name="global"/>: <c>incentive.code</c>, not just <c>incentive</c>.</summary>
        private void Add(ScriptVariableGlobal global, ReferenceRole role, ImmutableArray<string> guards)
        {
            ScriptNode chain = global;
            var name = global.Name;
            while (chain.Parent is ScriptMemberExpression { Member: ScriptVariable member } parent && ReferenceEquals(parent.Target, chain))
            {
                name += "." + member.Name;
                chain = parent;
            }

            var span = SpanOf(chain.Span, textLength);
            references.Add(new VariableReference(span, name, role, false, guards,
                new TemplatePath(span, name, [.. name.Split('.')], false, false, 0)));
        }

        private IEnumerable<string> Tested(ScriptExpression? condition)
        {
            var found = new List<VariableReference>();
            new ReferenceWalker(textLength, locals, found).Walk(condition, ReferenceRole.Condition, []);
            return found.Select(r => r.Name);
        }
    }
}
