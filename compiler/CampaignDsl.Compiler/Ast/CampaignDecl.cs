using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>campaign name "Title" { ... }</c>: the items keep their source order.</summary>
public sealed record CampaignDecl(TextSpan Span, Identifier Name, StringLiteral? Title, ImmutableArray<CampaignItem> Items)
    : SyntaxNode(Span), IFileItem
{
    private readonly ImmutableArray<CampaignItem> _items = Items;
    private readonly ItemsByKind<CampaignItem> _byKind = new(Items);

    public ImmutableArray<CampaignItem> Items
    {
        get => _items;
        init => (_items, _byKind) = (value, new ItemsByKind<CampaignItem>(value));
    }

    public IEnumerable<Setting> Settings => _byKind.Of<Setting>();

    public IEnumerable<AudienceDecl> Audiences => _byKind.Of<AudienceDecl>();

    public IEnumerable<SegmentDecl> Segments => _byKind.Of<SegmentDecl>();

    public IEnumerable<IncentiveDecl> Incentives => _byKind.Of<IncentiveDecl>();

    public IEnumerable<PolicyDecl> Policies => _byKind.Of<PolicyDecl>();

    public IEnumerable<StageDecl> Stages => _byKind.Of<StageDecl>();
}

/// <summary>Anything that may stand in a campaign body.</summary>
public abstract record CampaignItem(TextSpan Span) : SyntaxNode(Span);
