using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>The root of one .campaign file: its imports, shared segments and incentives, and campaigns, in source order.</summary>
public sealed record CampaignFile(TextSpan Span, ImmutableArray<IFileItem> Items) : SyntaxNode(Span)
{
    public IEnumerable<ImportDecl> Imports => Items.OfType<ImportDecl>();

    public IEnumerable<SegmentDecl> Segments => Items.OfType<SegmentDecl>();

    public IEnumerable<IncentiveDecl> Incentives => Items.OfType<IncentiveDecl>();

    public IEnumerable<CampaignDecl> Campaigns => Items.OfType<CampaignDecl>();
}

/// <summary>Something that may stand at the top level of a file.</summary>
public interface IFileItem
{
    TextSpan Span { get; }
}
