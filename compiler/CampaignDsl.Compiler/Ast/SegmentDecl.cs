using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>segment high_value = predicate</c>: a named condition over a contact.</summary>
public sealed record SegmentDecl(TextSpan Span, Identifier Name, Expression Condition) : CampaignItem(Span);
