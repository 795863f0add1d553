namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>
/// Diagnostics of constructs the language accepts but that would not do what they say for some contacts
/// (CDSL0120-CDSL0129): a second incentive on one message, an inactivity test that leaves out contacts who
/// never did the thing, a template value that can be empty when the message is sent.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SecondIncentiveOnSend = Error("CDSL0120", "Send carries two incentives",
        "A message carries at most one incentive: its codes, its template variables (`incentive.code`, `incentive.expires`) and its redemptions are those of one offer. Send the second offer in a stage or variant of its own, or define one incentive that gives both.");

    public static readonly DiagnosticDescriptor NeverHappenedLeftOut = Warning("CDSL0121", "Inactivity test leaves out contacts who never did it",
        "`days_since(last login) > 120` (and `hours_since`, and `>=`) is unknown, so false, for a contact with no `login` at all. To include them, add `or count(login) == 0`; to exclude them on purpose, add `and count(login) >= 1`. The warning is not given when the condition already tests the count of that event, nor for `between`, whose upper bound already leaves out the never active.");

    // An error, not a warning: the value is empty for every contact, so run would refuse every such message while
    // simulate, which does not render, counted them as sent.
    public static readonly DiagnosticDescriptor TemplateValueMayBeEmpty = Error("CDSL0122", "Template value is empty when the message is sent",
        "A message shows `{{incentive.code}}` or `{{incentive.expires_at}}`, but the incentive its send carries has no `code` pattern or no `expires` (a `coupon_reminder` alone has neither), so the value would print empty for every contact. A message shows only the incentive its own send carries. Such a message could never be sent, so the campaign does not compile. Give the incentive a `code` and an `expires`, or show the value only inside `{{#if incentive.code}}`.");

    public static Diagnostic SecondIncentive(SourceLocation at, string name, string first, SourceLocation firstAt) =>
        SecondIncentiveOnSend.Create(at, $"this send already carries incentive `{first}` (line {firstAt.Start.Line}); a message carries one incentive: send `{name}` in a stage or variant of its own, or define one incentive that gives both");

    public static Diagnostic NeverHappened(SourceLocation at, string function, string eventType) =>
        NeverHappenedLeftOut.Create(at, $"`{function}(last {eventType})` is unknown for contacts with no `{eventType}` at all, so they are left out; add `or count({eventType}) == 0` to include them, or `and count({eventType}) >= 1` to say they are left out on purpose");

    public static Diagnostic TemplateValueEmpty(SourceLocation at, string variable, string stage, string incentive, string missing) =>
        TemplateValueMayBeEmpty.Create(at, $"`{{{{{variable}}}}}` is empty in stage `{stage}`: incentive `{incentive}` has no `{missing}`, so the message could never be sent; give the incentive a `{missing}`, or show the value only inside `{{{{#if {variable}}}}}`");
}
