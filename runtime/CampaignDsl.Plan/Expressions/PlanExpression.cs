using System.Text.Json.Serialization;

namespace CampaignDsl.Plan;

/// <summary>
/// A node of an expression tree, written as a JSON object whose <c>kind</c> says which node it is.
/// <see cref="Id"/> locates it in the source map. Parentheses are not nodes: the tree's shape keeps them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextLiteral), "text")]
[JsonDerivedType(typeof(NumberLiteral), "number")]
[JsonDerivedType(typeof(PercentLiteral), "percent")]
[JsonDerivedType(typeof(BoolLiteral), "bool")]
[JsonDerivedType(typeof(DurationLiteral), "duration")]
[JsonDerivedType(typeof(MoneyLiteral), "money")]
[JsonDerivedType(typeof(DateLiteral), "date")]
[JsonDerivedType(typeof(TimeLiteral), "time")]
[JsonDerivedType(typeof(ListLiteral), "list")]
[JsonDerivedType(typeof(AttributeReference), "attribute")]
[JsonDerivedType(typeof(EventFieldReference), "eventField")]
[JsonDerivedType(typeof(SegmentReference), "segment")]
[JsonDerivedType(typeof(EventAggregate), "aggregate")]
[JsonDerivedType(typeof(RfmScore), "rfm")]
[JsonDerivedType(typeof(BehaviourTest), "behaviour")]
[JsonDerivedType(typeof(FunctionCall), "call")]
[JsonDerivedType(typeof(Comparison), "compare")]
[JsonDerivedType(typeof(Arithmetic), "arithmetic")]
[JsonDerivedType(typeof(Negation), "negate")]
[JsonDerivedType(typeof(BetweenTest), "between")]
[JsonDerivedType(typeof(InListTest), "in")]
[JsonDerivedType(typeof(AndExpression), "and")]
[JsonDerivedType(typeof(OrExpression), "or")]
[JsonDerivedType(typeof(NotExpression), "not")]
public abstract record PlanExpression([property: JsonPropertyOrder(-1)] string Id)
{
    public abstract TResult Accept<TResult>(IPlanExpressionVisitor<TResult> visitor);
}
