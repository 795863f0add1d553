using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>The root of one .campaign file.</summary>
public sealed record CampaignFile(TextSpan Span, ImmutableArray<CampaignDecl> Campaigns) : SyntaxNode(Span);
