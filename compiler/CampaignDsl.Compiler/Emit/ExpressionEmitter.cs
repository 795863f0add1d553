using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Text;
using CampaignDsl.Plan;
using Ast = CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// Turns a checked expression into the plan's expression tree, resolving each name to what it means
/// (segment, attribute, event field, RFM score, <c>engaged</c>) and each call to its node kind (aggregate, RFM score, behaviour
/// test, scalar function). The root takes the id its owner gives (<c>audience.where</c>); the nodes below it
/// are numbered in preorder (<c>audience.where/1</c>, <c>audience.where/2</c>, ...), which keeps ids short in
/// deep trees and confines renumbering to the expression that was edited. Parentheses add no node.
/// </summary>
internal sealed class ExpressionEmitter(CampaignScope scope, SourceText source, SourceMapBuilder map, Action<string> segmentUsed)
    : IExpressionVisitor<PlanExpression>
{
    private string _root = "";
    private int _counter;
    private string? _pendingId;

    /// <summary>The tree of <paramref name="expression"/>, whose root gets <paramref name="id"/> and every other node <c>id/N</c>, N counting in preorder from 1.</summary>
    public PlanExpression Emit(Expression expression, string id)
    {
        var (root, counter) = (_root, _counter);
        (_root, _counter, _pendingId) = (id, 0, id);
        try
        {
            return expression.Accept(this);
        }
        finally
        {
            (_root, _counter) = (root, counter);
        }
    }

    public PlanExpression VisitMissing(MissingExpression node) =>
        throw new InvalidOperationException($"a missing expression at {node.Span} reached the plan; the checks should have reported it");

    public PlanExpression VisitString(StringLiteral node) => new TextLiteral(Id(node), node.Value);

    public PlanExpression VisitNumber(Ast.NumberLiteral node) => new Plan.NumberLiteral(Id(node), node.Value);

    public PlanExpression VisitPercent(Ast.PercentLiteral node) => new Plan.PercentLiteral(Id(node), node.Value);

    public PlanExpression VisitBoolean(BooleanLiteral node) => new BoolLiteral(Id(node), node.Value);

    public PlanExpression VisitDuration(Ast.DurationLiteral node) => new Plan.DurationLiteral(Id(node), PlanValues.Seconds(node));

    public PlanExpression VisitMoney(Ast.MoneyLiteral node) => new Plan.MoneyLiteral(Id(node), node.Amount, node.Currency);

    public PlanExpression VisitDate(Ast.DateLiteral node) => new Plan.DateLiteral(Id(node), PlanValues.Date(node.Value));

    public PlanExpression VisitTime(Ast.TimeLiteral node) => new Plan.TimeLiteral(Id(node), PlanValues.Time(node.Value));

    public PlanExpression VisitTimeRange(TimeRangeLiteral node) =>
        throw new InvalidOperationException($"a time range at {node.Span} is a setting value, not an expression");

    public PlanExpression VisitList(ListExpression node)
    {
        var id = Id(node);
        return new ListLiteral(id, Items(node.Items));
    }

    public PlanExpression VisitUnary(UnaryExpression node)
    {
        var id = Id(node);
        var operand = Child(node.Operand);
        return node.Operator == UnaryOperator.Not ? new NotExpression(id, operand) : new Negation(id, operand);
    }

    public PlanExpression VisitBinary(BinaryExpression node)
    {
        var id = Id(node);
        if (node.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            var operands = Chain(node).Select(Child);
            return node.Operator == BinaryOperator.And ? new AndExpression(id, [.. operands]) : new OrExpression(id, [.. operands]);
        }

        var left = Child(node.Left);
        var right = Child(node.Right);
        return node.Operator switch
        {
            BinaryOperator.Equal => new Comparison(id, "eq", left, right),
            BinaryOperator.NotEqual => new Comparison(id, "ne", left, right),
            BinaryOperator.Less => new Comparison(id, "lt", left, right),
            BinaryOperator.LessOrEqual => new Comparison(id, "le", left, right),
            BinaryOperator.Greater => new Comparison(id, "gt", left, right),
            BinaryOperator.GreaterOrEqual => new Comparison(id, "ge", left, right),
            BinaryOperator.Add => new Arithmetic(id, "add", left, right),
            BinaryOperator.Subtract => new Arithmetic(id, "subtract", left, right),
            BinaryOperator.Multiply => new Arithmetic(id, "multiply", left, right),
            BinaryOperator.Divide => new Arithmetic(id, "divide", left, right),
            _ => throw new InvalidOperationException($"unknown operator {node.Operator}"),
        };
    }

    public PlanExpression VisitBetween(BetweenExpression node)
    {
        var id = Id(node);
        var value = Child(node.Value);
        var low = Child(node.Low);
        return new BetweenTest(id, value, low, Child(node.High), node.Negated);
    }

    public PlanExpression VisitInList(InListExpression node)
    {
        var id = Id(node);
        var value = Child(node.Value);
        return new InListTest(id, value, Items(node.List.Items), node.Negated);
    }

    public PlanExpression VisitParenthesized(ParenthesizedExpression node) => node.Inner.Accept(this);

    public PlanExpression VisitName(NameReference node)
    {
        var name = node.Name;
        if (node.Parts.Length == 1 && scope.Segments.ContainsKey(name))
        {
            segmentUsed(name);
            return new SegmentReference(Id(node), name);
        }

        if (node.Parts.Length == 1 && scope.Schema.Find(name) is { } attribute)
        {
            return new AttributeReference(Id(node), name, PlanValues.TypeName(attribute));
        }

        if (name == BuiltInFunctions.Engaged && !scope.Schema.Names.Contains(name))
        {
            return new BehaviourTest(Id(node), name, null, null);
        }

        if (FunctionKinds.RfmDimension(name) is { } dimension)
        {
            return new RfmScore(Id(node), dimension);
        }

        if (node.Parts.Length > 1)
        {
            var (eventType, field) = SplitField(node);
            var type = scope.Events.FindField(eventType, field) is { } fieldType ? PlanValues.TypeName(fieldType) : "text";
            return new EventFieldReference(Id(node), eventType, field, type);
        }

        throw new InvalidOperationException($"`{name}` at {node.Span} is neither a segment, an attribute nor an event field");
    }

    public PlanExpression VisitLastEvent(LastEventExpression node) => new EventAggregate(Id(node), "last", node.Event.Name, null, null);

    public PlanExpression VisitCall(CallExpression node)
    {
        var function = node.Function.Name;
        var id = Id(node);
        if (FunctionKinds.IsAggregate(function) && node.Arguments is [var argument])
        {
            var window = argument.Window is { } w ? PlanValues.Seconds(w) : (long?)null;
            switch (argument.Value)
            {
                case NameReference reference when scope.Events.Contains(reference.Name):
                    return new EventAggregate(id, function, reference.Name, null, window);
                case NameReference { Parts.Length: > 1 } field:
                    var (eventType, fieldName) = SplitField(field);
                    return new EventAggregate(id, function, eventType, fieldName, window);
                case LastEventExpression last:
                    return new EventAggregate(id, function, last.Event.Name, null, window);
            }
        }

        if (FunctionKinds.IsBehaviour(function) && node.Arguments is [{ Value: NameReference { Parts.Length: 1 } stage }, ..] arguments)
        {
            var since = stage.Name == FunctionKinds.Entry ? null : stage.Name;
            var pattern = arguments is [_, { Value: StringLiteral tag }] ? tag.Value : null;
            return new BehaviourTest(id, function, since, pattern);
        }

        return new FunctionCall(id, function, [.. node.Arguments.Select(a => Child(a.Value))]);
    }

    /// <summary>
    /// The operands of a chain of one logical operator, <c>a and b and (c and d)</c> as a, b, c, d, in source
    /// order. Collected with a loop, not recursion: a long chain is a deep tree.
    /// </summary>
    private static List<Expression> Chain(BinaryExpression root)
    {
        var operands = new List<Expression>();
        var pending = new Stack<Expression>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var expression = pending.Pop();
            while (expression is ParenthesizedExpression parenthesized)
            {
                expression = parenthesized.Inner;
            }

            if (expression is BinaryExpression binary && binary.Operator == root.Operator)
            {
                pending.Push(binary.Right);
                pending.Push(binary.Left);
            }
            else
            {
                operands.Add(expression);
            }
        }

        return operands;
    }

    private ImmutableArray<PlanExpression> Items(ImmutableArray<Expression> items) => [.. items.Select(Child)];

    /// <summary>A node below the root: the next number in preorder (its parent has taken its own already).</summary>
    private PlanExpression Child(Expression expression)
    {
        _pendingId = string.Create(CultureInfo.InvariantCulture, $"{_root}/{++_counter}");
        return expression.Accept(this);
    }

    /// <summary><c>purchase.amount</c>: the event type is every part but the last (<c>email.click.tag</c> is of <c>email.click</c>).</summary>
    private static (string Event, string Field) SplitField(NameReference node) =>
        (string.Join('.', node.Parts.Take(node.Parts.Length - 1).Select(p => p.Name)), node.Parts[^1].Name);

    /// <summary>Takes the id waiting for this node; parentheses pass it on to the expression inside.</summary>
    private string Id(SyntaxNode node)
    {
        var id = _pendingId ?? throw new InvalidOperationException("an expression node was visited without an id");
        _pendingId = null;
        return map.Add(id, source, node.Span);
    }
}
