using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>
/// Resolves the names in an expression and computes its type, reporting unknown names and
/// functions, wrong arguments and operands that do not fit. Returns <see cref="DataType.Error"/>
/// after reporting, so enclosing expressions stay quiet.
/// </summary>
internal sealed class ExpressionTypeChecker(CampaignScope scope, DiagnosticBag diagnostics, ExpressionSite? context = null) : IExpressionVisitor<DataType>
{
    private readonly ExpressionSite _context = context ?? ExpressionSite.Segment;

    /// <summary>True while checking the argument of an aggregate, where <c>purchase.amount</c> is the field of every purchase, not the triggering one.</summary>
    private bool _inAggregate;

    private static readonly DataType[] Comparable =
        [DataType.Number, DataType.Percent, DataType.Money, DataType.Duration, DataType.Date, DataType.Time, DataType.Text, DataType.Bool];

    /// <summary>Segments this expression names, for the cycle check.</summary>
    public HashSet<string> SegmentReferences { get; } = new(StringComparer.Ordinal);

    public DataType Check(Expression expression) => Value(expression);

    public DataType VisitMissing(MissingExpression node) => DataType.Error;

    public DataType VisitString(StringLiteral node) => DataType.Text;

    public DataType VisitNumber(NumberLiteral node) => DataType.Number;

    public DataType VisitPercent(PercentLiteral node) => DataType.Percent;

    public DataType VisitBoolean(BooleanLiteral node) => DataType.Bool;

    public DataType VisitDuration(DurationLiteral node) => DataType.Duration;

    public DataType VisitMoney(MoneyLiteral node) => DataType.Money;

    public DataType VisitDate(DateLiteral node) => DataType.Date;

    public DataType VisitTime(TimeLiteral node) => DataType.Time;

    /// <summary>A time range is a setting value (a send window), not something a condition can use.</summary>
    public DataType VisitTimeRange(TimeRangeLiteral node)
    {
        diagnostics.Add(DiagnosticCatalog.OperandType(scope.At(node), "use", "a single value", "a time range"));
        return DataType.Error;
    }

    public DataType VisitParenthesized(ParenthesizedExpression node) => Value(node.Inner);

    public DataType VisitList(ListExpression node)
    {
        DataType? element = null;
        foreach (var item in node.Items)
        {
            var type = Value(item);
            if (type.IsError)
            {
                return DataType.Error;
            }

            if (element is null)
            {
                element = type;
            }
            else if (element != type)
            {
                diagnostics.Add(DiagnosticCatalog.OperandTypes(scope.At(item), "mix", element.Describe(), type.Describe(),
                    "a list holds values of one type"));
                return DataType.Error;
            }
        }

        return DataType.ListOf(element ?? DataType.Text);
    }

    public DataType VisitUnary(UnaryExpression node)
    {
        var operand = Value(node.Operand);
        if (operand.IsError)
        {
            return DataType.Error;
        }

        if (node.Operator == UnaryOperator.Not)
        {
            return Expect(node, "not", DataType.Bool, operand);
        }

        if (operand == DataType.Number || operand == DataType.Percent || operand == DataType.Duration)
        {
            return operand;
        }

        diagnostics.Add(DiagnosticCatalog.OperandType(scope.At(node), "-", "a number, percentage or duration", operand.Describe()));
        return DataType.Error;
    }

    public DataType VisitBinary(BinaryExpression node)
    {
        var left = Value(node.Left);
        var right = Value(node.Right);
        if (left.IsError || right.IsError)
        {
            return DataType.Error;
        }

        return node.Operator switch
        {
            BinaryOperator.And or BinaryOperator.Or => CheckLogical(node, left, right),
            BinaryOperator.Equal or BinaryOperator.NotEqual => CheckComparison(node, left, right, ordered: false),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual =>
                CheckComparison(node, left, right, ordered: true),
            _ => CheckArithmetic(node, left, right),
        };
    }

    public DataType VisitBetween(BetweenExpression node)
    {
        var value = Value(node.Value);
        var low = Value(node.Low);
        var high = Value(node.High);
        if (value.IsError || low.IsError || high.IsError)
        {
            return DataType.Error;
        }

        if (!value.IsOrdered)
        {
            diagnostics.Add(DiagnosticCatalog.OperandType(scope.At(node.Value), "between", "a number, percentage, duration, date or time", value.Describe()));
            return DataType.Error;
        }

        foreach (var (bound, type) in new[] { (node.Low, low), (node.High, high) })
        {
            if (type != value && !IsMoneyAndNumber(value, type))
            {
                diagnostics.Add(DiagnosticCatalog.OperandTypes(scope.At(bound), "compare", value.Describe(), type.Describe(), Hint(node.Value, bound, value, type)));
                return DataType.Error;
            }
        }

        return DataType.Bool;
    }

    public DataType VisitInList(InListExpression node)
    {
        var value = Value(node.Value);
        var list = VisitList(node.List);
        if (value.IsError || list.IsError)
        {
            return DataType.Error;
        }

        if (node.List.Items.Length > 0 && list.Element != value)
        {
            diagnostics.Add(DiagnosticCatalog.ListLookup(scope.At(node.List), value.Describe(), list.Describe()));
            return DataType.Error;
        }

        return DataType.Bool;
    }

    public DataType VisitName(NameReference node)
    {
        if (node.IsMissing)
        {
            return DataType.Error;
        }

        var name = node.Name;
        if (node.Parts.Length == 1 && scope.Segments.ContainsKey(name))
        {
            SegmentReferences.Add(name);
            return DataType.Bool;
        }

        if (node.Parts.Length == 1 && scope.Schema.Find(name) is { } attribute)
        {
            return attribute;
        }

        if (node.Parts.Length == 1 && name == BuiltInFunctions.Engaged)
        {
            return Behaviour(node, "`engaged`") ? DataType.Bool : DataType.Error;
        }

        if (node.Parts[0].Name == "rfm" && !scope.Events.Contains(name))
        {
            return CheckRfm(node);
        }

        if (node.Parts[0].Name == "click" && _context.AllowsClick && !scope.Events.Contains(name))
        {
            if (node.Parts.Length == 2 && node.Parts[1].Name is "tag" or "url")
            {
                return DataType.Text;
            }

            diagnostics.Add(DiagnosticCatalog.NameNotFound(scope.At(node), name, NameSuggester.Suggest(name, ["click.tag", "click.url"])));
            return DataType.Error;
        }

        if (scope.Events.Contains(name))
        {
            return DataType.Event;
        }

        // `purchase.amount`: the longest prefix that is an event type, then one field.
        var eventType = EventTypeOf(node);
        var field = node.Parts[^1];
        if (node.Parts.Length > 1 && scope.Events.Contains(eventType))
        {
            if (scope.Events.FindField(eventType, field.Name) is null)
            {
                diagnostics.Add(DiagnosticCatalog.EventFieldNotFound(scope.At(field), eventType, field.Name,
                    NameSuggester.Suggest(field.Name, scope.Events.FieldsOf(eventType))));
                return DataType.Error;
            }

            // In `entry on purchase when purchase.amount >= EUR 50` the field is the triggering purchase's.
            if (!_inAggregate && _context.TriggerEvent == eventType)
            {
                return scope.Events.FindField(eventType, field.Name)!;
            }

            return DataType.EventField;
        }

        var candidates = scope.Schema.Names.Concat(scope.Segments.Keys).Concat(scope.Events.EventTypes)
            .Concat(_context.AllowsBehaviour ? [BuiltInFunctions.Engaged] : [])
            .Concat(_context.AllowsClick ? ["click.tag", "click.url"] : []);
        diagnostics.Add(DiagnosticCatalog.NameNotFound(scope.At(node), name, NameSuggester.Suggest(name, candidates)));
        return DataType.Error;
    }

    public DataType VisitLastEvent(LastEventExpression node)
    {
        var type = node.Event.Accept(this);
        if (type.IsError)
        {
            return DataType.Error;
        }

        if (type != DataType.Event)
        {
            diagnostics.Add(DiagnosticCatalog.OperandType(scope.At(node.Event), "last", "an event type such as `purchase`", type.Describe()));
            return DataType.Error;
        }

        return DataType.Date;
    }

    public DataType VisitCall(CallExpression node)
    {
        if (node.Function.IsMissing)
        {
            return DataType.Error;
        }

        if (scope.FindFunction(node.Function.Name) is not { } function)
        {
            diagnostics.Add(DiagnosticCatalog.FunctionNotFound(scope.At(node.Function), node.Function.Name,
                NameSuggester.Suggest(node.Function.Name, BuiltInFunctions.All.Keys.Concat(scope.PluginFunctions.Keys))));
            CheckArgumentsAlone(node);
            return DataType.Error;
        }

        // Its arguments name stages, which mean nothing where behaviour cannot be used: one mistake, one message.
        if (function.LooksAtBehaviour && !Behaviour(node.Function, $"`{function.Name}(...)`"))
        {
            return DataType.Error;
        }

        if (node.Arguments.Length < function.RequiredCount || node.Arguments.Length > function.Parameters.Length)
        {
            diagnostics.Add(DiagnosticCatalog.ArgumentCount(scope.At(node), function.Name, function.DescribeParameters(), node.Arguments.Length));
            CheckArgumentsAlone(node);
            return DataType.Error;
        }

        var valid = true;
        for (var i = 0; i < node.Arguments.Length; i++)
        {
            valid &= CheckArgument(function, i, node.Arguments[i]);
        }

        return valid ? function.Returns : DataType.Error;
    }

    private bool CheckArgument(FunctionSignature function, int index, Argument argument)
    {
        var parameter = function.Parameters[index];
        if (argument.Window is { } window)
        {
            if (!function.TakesWindow && argument.Value is LastEventExpression)
            {
                // `days_since(last(purchase in 30d))`: the window was meant for `last`, which takes none either.
                diagnostics.Add(DiagnosticCatalog.WindowOnLast(scope.At(window)));
                return false;
            }

            if (!function.TakesWindow)
            {
                diagnostics.Add(DiagnosticCatalog.WindowOnNonAggregate(scope.At(window), function.Name));
                return false;
            }

            if (window.Amount <= 0)
            {
                diagnostics.Add(DiagnosticCatalog.DurationNotPositive(scope.At(window), window.ToString()));
                return false;
            }
        }

        if (parameter.Kind is ParameterKind.Stage or ParameterKind.StageOrEntry)
        {
            return CheckStageArgument(function, index, parameter, argument.Value);
        }

        DataType actual;
        if (parameter.Kind == ParameterKind.Value)
        {
            actual = Value(argument.Value);
        }
        else
        {
            var outer = _inAggregate;
            _inAggregate = true;
            actual = argument.Value.Accept(this);
            _inAggregate = outer;
        }

        if (actual.IsError)
        {
            return false;
        }

        var fits = parameter.Kind switch
        {
            ParameterKind.Event => actual == DataType.Event,
            ParameterKind.NumericEventField => actual == DataType.EventField && IsNumericField(argument.Value),
            _ => actual == parameter.Type,
        };

        if (!fits)
        {
            // `sum(purchase.product)`: the argument is an event field, just not a numeric one.
            var described = actual == DataType.EventField && FieldType(argument.Value) is { } field
                ? $"{field.Describe()} event field"
                : actual.Describe();
            diagnostics.Add(DiagnosticCatalog.ArgumentType(scope.At(argument.Value), function.Name, index + 1, parameter.Describe(), described));
        }

        return fits;
    }

    /// <summary>
    /// <c>opened(recognition)</c>: the argument names a stage that comes before the condition's own (a condition
    /// can only look back), or, where the parameter allows it, <c>entry</c>.
    /// </summary>
    private bool CheckStageArgument(FunctionSignature function, int index, Parameter parameter, Expression value)
    {
        var allowsEntry = parameter.Kind == ParameterKind.StageOrEntry;
        if (value is not NameReference { Parts.Length: 1 } reference)
        {
            value.Accept(this);
            diagnostics.Add(DiagnosticCatalog.ArgumentType(scope.At(value), function.Name, index + 1, parameter.Describe(), "an expression"));
            return false;
        }

        if (reference.IsMissing)
        {
            return false;
        }

        var name = reference.Name;
        if (allowsEntry && name == Checks.StageTimingCheck.EntryAnchor)
        {
            return true;
        }

        if (!scope.StageOrder.TryGetValue(name, out var target))
        {
            diagnostics.Add(DiagnosticCatalog.StageNotFound(scope.At(reference), name,
                NameSuggester.Suggest(name, allowsEntry ? scope.StageOrder.Keys.Append(Checks.StageTimingCheck.EntryAnchor) : scope.StageOrder.Keys)));
            return false;
        }

        if (_context.Stage is { Name.IsMissing: false } stage && scope.StageOrder.TryGetValue(stage.Name.Name, out var here) && target >= here)
        {
            diagnostics.Add(DiagnosticCatalog.BehaviourOfLaterStage(scope.At(reference), function.Name, name, stage.Name.Name));
            return false;
        }

        return true;
    }

    /// <summary>Whether behaviour (<c>opened</c>, <c>engaged</c>, ...) may be used here; reports it where it may not.</summary>
    private bool Behaviour(SyntaxNode node, string what)
    {
        if (_context.AllowsBehaviour)
        {
            return true;
        }

        diagnostics.Add(DiagnosticCatalog.BehaviourOutsideStage(scope.At(node), what, _context.Describe));
        return false;
    }

    private DataType CheckRfm(NameReference node)
    {
        var name = node.Name;
        if (!BuiltInFunctions.RfmScores.Contains(name))
        {
            diagnostics.Add(DiagnosticCatalog.NameNotFound(scope.At(node), name, NameSuggester.Suggest(name, BuiltInFunctions.RfmScores)));
            return DataType.Error;
        }

        if (!_context.AllowsRfm)
        {
            diagnostics.Add(DiagnosticCatalog.RfmInAudience(scope.At(node), name, _context.Describe));
            return DataType.Error;
        }

        return DataType.Number;
    }

    private bool IsNumericField(Expression value) => FieldType(value) == DataType.Number;

    /// <summary>The type of the event field <paramref name="value"/> names, such as number for <c>purchase.amount</c>.</summary>
    private DataType? FieldType(Expression value) =>
        value is NameReference { Parts.Length: > 1 } name ? scope.Events.FindField(EventTypeOf(name), name.Parts[^1].Name) : null;

    private static string EventTypeOf(NameReference field) => string.Join('.', field.Parts.Take(field.Parts.Length - 1).Select(p => p.Name));

    private void CheckArgumentsAlone(CallExpression node)
    {
        foreach (var argument in node.Arguments)
        {
            argument.Value.Accept(this);
        }
    }

    /// <summary>The type of an expression used as a value: an event type on its own is not one.</summary>
    private DataType Value(Expression expression)
    {
        var type = expression.Accept(this);
        if (type == DataType.EventField && expression is NameReference field)
        {
            diagnostics.Add(DiagnosticCatalog.EventFieldAsValue(scope.At(expression), field.Name, EventTypeOf(field), FieldType(field) == DataType.Number));
            return DataType.Error;
        }

        if (type == DataType.Event || type == DataType.EventField)
        {
            var name = expression is NameReference reference ? reference.Name : "event";
            diagnostics.Add(DiagnosticCatalog.EventAsValue(scope.At(expression), name));
            return DataType.Error;
        }

        return type;
    }

    private DataType CheckLogical(BinaryExpression node, DataType left, DataType right)
    {
        var word = node.Operator == BinaryOperator.And ? "and" : "or";
        var leftOk = Expect(node.Left, word, DataType.Bool, left);
        var rightOk = Expect(node.Right, word, DataType.Bool, right);
        return leftOk.IsError || rightOk.IsError ? DataType.Error : DataType.Bool;
    }

    private DataType CheckComparison(BinaryExpression node, DataType left, DataType right, bool ordered)
    {
        // An amount from the data (`sum(purchase.amount)`) is a number in the shop's currency.
        if (IsMoneyAndNumber(left, right))
        {
            return DataType.Bool;
        }

        if (ordered && left == right && Comparable.Contains(left) && !left.IsOrdered)
        {
            // `subscribed < true`: both sides fit each other, but the values have no order.
            diagnostics.Add(DiagnosticCatalog.OperandType(scope.At(node), OperatorText(node),
                "values with an order (numbers, percentages, money, durations, dates or times)", Plural(left)));
            return DataType.Error;
        }

        if (left != right || !Comparable.Contains(left))
        {
            diagnostics.Add(DiagnosticCatalog.OperandTypes(scope.At(node), "compare", left.Describe(), right.Describe(), Hint(node.Left, node.Right, left, right)));
            return DataType.Error;
        }

        return DataType.Bool;
    }

    private DataType CheckArithmetic(BinaryExpression node, DataType left, DataType right)
    {
        var result = (node.Operator, left.Name, right.Name) switch
        {
            (_, "number", "number") => DataType.Number,
            (BinaryOperator.Add or BinaryOperator.Subtract, "duration", "duration") => DataType.Duration,
            (BinaryOperator.Add or BinaryOperator.Subtract, "date", "duration") => DataType.Date,
            (BinaryOperator.Subtract, "date", "date") => DataType.Duration,
            (BinaryOperator.Add or BinaryOperator.Subtract, "percentage", "percentage") => DataType.Percent,
            (BinaryOperator.Add or BinaryOperator.Subtract, "money amount", "money amount") => DataType.Money,
            (BinaryOperator.Multiply or BinaryOperator.Divide, "money amount", "number") => DataType.Money,
            (BinaryOperator.Multiply, "number", "money amount") => DataType.Money,
            (BinaryOperator.Multiply or BinaryOperator.Divide, "duration", "number") => DataType.Duration,
            (BinaryOperator.Multiply, "number", "duration") => DataType.Duration,
            _ => null,
        };

        if (result is null)
        {
            var verb = node.Operator switch
            {
                BinaryOperator.Add => "add",
                BinaryOperator.Subtract => "subtract",
                BinaryOperator.Multiply => "multiply",
                _ => "divide",
            };
            diagnostics.Add(DiagnosticCatalog.OperandTypes(scope.At(node), verb, left.Describe(), right.Describe(), Hint(node.Left, node.Right, left, right)));
            return DataType.Error;
        }

        return result;
    }

    private static bool IsMoneyAndNumber(DataType left, DataType right) =>
        (left == DataType.Money && right == DataType.Number) || (left == DataType.Number && right == DataType.Money);

    private DataType Expect(SyntaxNode node, string operation, DataType expected, DataType actual)
    {
        if (actual == expected)
        {
            return actual;
        }

        diagnostics.Add(DiagnosticCatalog.OperandType(scope.At(node), operation, expected.Describe(), actual.Describe()));
        return DataType.Error;
    }

    /// <summary>What to write instead, in terms of what was written: <c>45</c> for <c>45d</c>, and <c>days_since</c> only where it is used.</summary>
    private static string? Hint(Expression leftNode, Expression rightNode, DataType left, DataType right)
    {
        switch (left.Name, right.Name)
        {
            case ("number", "duration") or ("duration", "number"):
                var (numberSide, durationSide) = left == DataType.Number ? (leftNode, rightNode) : (rightNode, leftNode);
                var since = SinceFunction(numberSide);
                var unit = since == "hours_since" ? DurationUnit.Hours : DurationUnit.Days;
                var instead = Unwrap(durationSide) is DurationLiteral duration && InUnit(duration, unit) is { } amount
                    ? $"write `{amount}`, not `{duration}`"
                    : $"write the number of {(unit == DurationUnit.Hours ? "hours" : "days")} without a unit";
                return since is null
                    ? $"a duration is not a number; {instead}"
                    : $"`{since}(...)` is a number of {(unit == DurationUnit.Hours ? "hours" : "days")}, so {instead}";
            case ("date", "number") or ("number", "date"):
                return "to compare with a number of days, use `days_since(...)`";
            case ("date", "duration") or ("duration", "date"):
                return "to compare an age, use `days_since(...)` with a number of days";
            default:
                return null;
        }
    }

    private static Expression Unwrap(Expression expression) => expression is ParenthesizedExpression p ? Unwrap(p.Inner) : expression;

    /// <summary>The <c>days_since</c> or <c>hours_since</c> an expression is made with, if any.</summary>
    private static string? SinceFunction(Expression expression) => Unwrap(expression) switch
    {
        CallExpression { Function.Name: "days_since" or "hours_since" } call => call.Function.Name,
        BinaryExpression binary => SinceFunction(binary.Left) ?? SinceFunction(binary.Right),
        UnaryExpression unary => SinceFunction(unary.Operand),
        _ => null,
    };

    /// <summary>A duration as a whole number of days or hours, or null when it is not one (<c>36h</c> in days).</summary>
    private static long? InUnit(DurationLiteral duration, DurationUnit unit)
    {
        var minutes = (long)duration.Value.TotalMinutes;
        var per = unit == DurationUnit.Hours ? 60 : 24 * 60;
        return minutes % per == 0 ? minutes / per : null;
    }

    /// <summary>The comparison operator as written, such as <c>&lt;</c> or <c>&gt;=</c>.</summary>
    private string OperatorText(BinaryExpression node)
    {
        var text = scope.Tree.Source.Text;
        var start = node.Left.Span.End;
        var end = node.Right.Span.Start;
        return start <= end && end <= text.Length ? text[start..end].Trim() : node.Operator.ToString();
    }

    private static string Plural(DataType type) => type == DataType.Bool ? "yes/no values" : $"{type.Name} values";
}
