using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>
/// Checks a mapping expression against the file's header before any row is read: every name is a
/// column, every function exists and gets the right number of arguments, and nothing is used that
/// only makes sense in a campaign (<c>last purchase</c>, durations). Each finding is an offset into
/// the expression's text and a message.
/// </summary>
internal sealed class MappingCheck(IReadOnlySet<string> columns) : IExpressionVisitor<bool>
{
    private readonly List<(int Offset, string Message)> _problems = [];

    public IReadOnlyList<(int Offset, string Message)> Problems => _problems;

    public static IReadOnlyList<(int Offset, string Message)> Run(Expression expression, IReadOnlySet<string> columns)
    {
        var check = new MappingCheck(columns);
        expression.Accept(check);
        return check.Problems;
    }

    public bool VisitMissing(MissingExpression node) => false;

    public bool VisitString(StringLiteral node) => true;

    public bool VisitNumber(NumberLiteral node) => true;

    public bool VisitPercent(PercentLiteral node) => true;

    public bool VisitBoolean(BooleanLiteral node) => true;

    public bool VisitDuration(DurationLiteral node) => Unsupported(node, $"a duration ({node}) has no meaning in a column mapping; write a number");

    public bool VisitMoney(MoneyLiteral node) => true;

    public bool VisitDate(DateLiteral node) => true;

    public bool VisitTime(TimeLiteral node) => Unsupported(node, "a time of day has no meaning in a column mapping");

    public bool VisitTimeRange(TimeRangeLiteral node) => Unsupported(node, "a time range has no meaning in a column mapping");

    public bool VisitList(ListExpression node) => node.Items.Aggregate(true, (ok, item) => item.Accept(this) && ok);

    public bool VisitUnary(UnaryExpression node) => node.Operand.Accept(this);

    public bool VisitBinary(BinaryExpression node) => node.Left.Accept(this) & node.Right.Accept(this);

    public bool VisitBetween(BetweenExpression node) => node.Value.Accept(this) & node.Low.Accept(this) & node.High.Accept(this);

    public bool VisitInList(InListExpression node) => node.Value.Accept(this) & node.List.Accept(this);

    public bool VisitParenthesized(ParenthesizedExpression node) => node.Inner.Accept(this);

    public bool VisitName(NameReference node)
    {
        if (node.IsMissing || columns.Contains(node.Name))
        {
            return true;
        }

        var suggestion = NameSuggester.Suggest(node.Name, columns);
        var hint = suggestion is null ? $"the columns are {List(columns)}" : $"did you mean `{suggestion}`?";
        return Unsupported(node, $"the file has no column `{node.Name}`; {hint}");
    }

    public bool VisitLastEvent(LastEventExpression node) =>
        Unsupported(node, "`last` reads a contact's history, which a column mapping does not have: a mapping sees one row at a time");

    public bool VisitCall(CallExpression node)
    {
        var name = node.Function.Name;
        if (!MappingFunctions.All.TryGetValue(name, out var function))
        {
            var suggestion = NameSuggester.Suggest(name, MappingFunctions.All.Keys);
            return Unsupported(node, $"a column mapping has no function `{name}`; "
                + (suggestion is null ? $"the functions are {List(MappingFunctions.All.Keys)}" : $"did you mean `{suggestion}`?"));
        }

        if (node.Arguments.Length < function.Min || node.Arguments.Length > function.Max)
        {
            return Unsupported(node, $"`{name}` takes {(function.Min == function.Max ? function.Min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{function.Min} to {function.Max}")} argument(s), as in {function.Usage}");
        }

        var ok = true;
        foreach (var argument in node.Arguments)
        {
            if (argument.Window is not null)
            {
                ok = Unsupported(argument, "a look-back window (`in 30d`) has no meaning in a column mapping");
            }

            ok &= argument.Value.Accept(this);
        }

        if (name == "column" && node.Arguments[0].Value is StringLiteral header && !columns.Contains(header.Value))
        {
            var suggestion = NameSuggester.Suggest(header.Value, columns);
            return Unsupported(node, $"the file has no column \"{header.Value}\"" + (suggestion is null ? $"; the columns are {List(columns)}" : $"; did you mean \"{suggestion}\"?"));
        }

        if (name == "column" && node.Arguments[0].Value is not StringLiteral)
        {
            return Unsupported(node, "column() takes the header as a quoted text, as in column(\"Order Date\")");
        }

        return ok;
    }

    private bool Unsupported(Compiler.Ast.SyntaxNode node, string message)
    {
        _problems.Add((node.Span.Start, message));
        return false;
    }

    private static string List(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count <= 12 ? string.Join(", ", sorted) : string.Join(", ", sorted.Take(12)) + ", ...";
    }
}
