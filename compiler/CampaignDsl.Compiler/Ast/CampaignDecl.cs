using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>campaign name "Title" { ... }</c>: the items keep their source order.</summary>
public sealed record CampaignDecl(TextSpan Span, Identifier Name, StringLiteral? Title, ImmutableArray<CampaignItem> Items)
    : SyntaxNode(Span), IFileItem
{
    public IEnumerable<Setting> Settings => Items.OfType<Setting>();

    public IEnumerable<AudienceDecl> Audiences => Items.OfType<AudienceDecl>();

    public IEnumerable<SegmentDecl> Segments => Items.OfType<SegmentDecl>();

    public IEnumerable<IncentiveDecl> Incentives => Items.OfType<IncentiveDecl>();

    public IEnumerable<PolicyDecl> Policies => Items.OfType<PolicyDecl>();

    public IEnumerable<StageDecl> Stages => Items.OfType<StageDecl>();
}

/// <summary>Anything that may stand in a campaign body.</summary>
public abstract record CampaignItem(TextSpan Span) : SyntaxNode(Span);
