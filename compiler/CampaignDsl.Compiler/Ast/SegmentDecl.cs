using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>segment high_value = predicate</c>: a named condition over a contact, in a campaign or shared at the top of a file.</summary>
public sealed record SegmentDecl(TextSpan Span, Identifier Name, Expression Condition) : CampaignItem(Span), IFileItem;
