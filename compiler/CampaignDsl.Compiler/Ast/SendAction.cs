using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary><c>send email "templates/x.hbs" subject "..."</c>: one message on one channel.</summary>
public sealed record SendAction(TextSpan Span, Identifier Channel, StringLiteral? Template, ImmutableArray<MessageOption> Options)
    : StageItem(Span)
{
    public IEnumerable<SubjectLine> Subjects => Options.OfType<SubjectLine>();

    public IEnumerable<IncentiveUse> Incentives => Options.OfType<IncentiveUse>();

    public MessageBody? Body => Options.OfType<MessageBody>().FirstOrDefault();

    public Preheader? Preheader => Options.OfType<Preheader>().FirstOrDefault();
}

/// <summary>Something said about a message: a subject line, a sender override.</summary>
public abstract record MessageOption(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>subject "Is this goodbye?" weight 50</c>: a subject line, optionally one A/B variant of several.</summary>
public sealed record SubjectLine(TextSpan Span, StringLiteral Text, NumberLiteral? Weight) : MessageOption(Span);

/// <summary><c>from "Anna &lt;anna@shop.example&gt;"</c> on one message.</summary>
public sealed record SenderOverride(TextSpan Span, StringLiteral Address) : MessageOption(Span);

/// <summary><c>preheader "..."</c>: the preview text an inbox shows after the subject.</summary>
public sealed record Preheader(TextSpan Span, StringLiteral Text) : MessageOption(Span);

/// <summary><c>body "Hi {{first_name}} ..."</c>: the message text written inline instead of in a template file.</summary>
public sealed record MessageBody(TextSpan Span, StringLiteral Text) : MessageOption(Span);

/// <summary><c>incentive back20</c>: the message carries this offer, and its template may show the offer's fields.</summary>
public sealed record IncentiveUse(TextSpan Span, Identifier Incentive) : MessageOption(Span);
