using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>The base of every AST node: immutable, with the span of source it came from.</summary>
public abstract record SyntaxNode(TextSpan Span);
