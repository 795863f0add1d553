using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>A name as written. A name the parser had to invent while recovering is <see cref="IsMissing"/>.</summary>
public sealed record Identifier(TextSpan Span, string Name) : SyntaxNode(Span)
{
    public bool IsMissing => Name.Length == 0;

    public override string ToString() => Name;
}
