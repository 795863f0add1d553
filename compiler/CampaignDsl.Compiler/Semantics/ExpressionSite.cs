using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>
/// Where an expression stands, which decides what it may name beyond attributes, segments and events:
/// a stage condition may look back at what a contact did with earlier stages (<c>opened(recognition)</c>,
/// <c>engaged</c>); an entry condition may use the fields of the event that triggers it (<c>purchase.amount</c>);
/// a click rule's value may use the click (<c>click.tag</c>); RFM scores need the audience, so its own
/// condition cannot use them.
/// </summary>
internal sealed record ExpressionSite(string Describe)
{
    /// <summary>An audience's <c>where</c>: attributes, segments and event aggregates only.</summary>
    public static ExpressionSite AudienceCondition { get; } = new("the audience condition") { AllowsRfm = false };

    /// <summary>A segment's condition; segments may use RFM scores but not behaviour, which belongs to a stage.</summary>
    public static ExpressionSite Segment { get; } = new("a segment");

    /// <summary><c>exit when</c>: checked all through the campaign, so it may look at any stage.</summary>
    public static ExpressionSite Exit { get; } = new("`exit when`") { AllowsBehaviour = true };

    /// <summary>A <c>when</c>/<c>unless</c> of <paramref name="stage"/>: behaviour of earlier stages only.</summary>
    public static ExpressionSite StageCondition(StageDecl stage) => new($"a condition of stage `{stage.Name.Name}`")
    {
        AllowsBehaviour = true,
        Stage = stage,
    };

    /// <summary>The <c>when</c> of <c>entry on purchase when ...</c>: the triggering event's fields are values.</summary>
    public static ExpressionSite EntryCondition(string eventType) => new("the entry condition")
    {
        TriggerEvent = eventType,
        AllowsRfm = false,
    };

    /// <summary>The value an <c>on click ... set</c> stores: <c>click.tag</c> and <c>click.url</c> are values.</summary>
    public static ExpressionSite ClickValue { get; } = new("a click rule") { AllowsClick = true };

    /// <summary>Whether <c>opened(...)</c>, <c>clicked(...)</c>, <c>purchased_since(...)</c> and <c>engaged</c> may be used.</summary>
    public bool AllowsBehaviour { get; init; }

    /// <summary>The stage a condition belongs to: behaviour functions may only name stages before it. Null: any stage.</summary>
    public StageDecl? Stage { get; init; }

    /// <summary>The event that triggers entry, whose fields (<c>purchase.amount</c>) are values here.</summary>
    public string? TriggerEvent { get; init; }

    public bool AllowsClick { get; init; }

    public bool AllowsRfm { get; init; } = true;
}
