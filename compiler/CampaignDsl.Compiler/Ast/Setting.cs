using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Ast;

/// <summary>
/// A key and a value in a campaign header, such as <c>type reengagement</c> or <c>owner "crm@shop.example"</c>.
/// The grammar accepts any key; the binder knows which keys exist and what values they take.
/// </summary>
public sealed record Setting(TextSpan Span, Identifier Key, Expression Value) : CampaignItem(Span);
