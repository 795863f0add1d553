using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>import "shared/segments.campaign"</c>: makes another file's segments and incentives usable here.</summary>
public sealed record ImportDecl(TextSpan Span, StringLiteral Path) : SyntaxNode(Span), IFileItem;
