using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>audience { where predicate }</c>: who enters the campaign.</summary>
public sealed record AudienceDecl(TextSpan Span, Expression? Where) : CampaignItem(Span);
