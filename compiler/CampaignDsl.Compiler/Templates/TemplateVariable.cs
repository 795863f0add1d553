namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// A name a template may use, where its value comes from, and the most characters it can print
/// (<see cref="MaxLength"/>, null when nothing bounds it), which the SMS length check substitutes.
/// </summary>
public sealed record TemplateVariable(string Name, TemplateVariableKind Kind, int? MaxLength, string Description)
{
    /// <summary>A value that holds fields (<c>incentive</c>, <c>campaign</c>): for tests and <c>#with</c>, not for printing.</summary>
    public bool IsObject { get; init; }
}

public enum TemplateVariableKind
{
    /// <summary>A contact attribute from the contact schema: <c>first_name</c>.</summary>
    Contact,

    /// <summary>A field of the incentive the message carries: <c>incentive.code</c>.</summary>
    Incentive,

    /// <summary>Filled in by the sender: <c>unsubscribe_url</c>, <c>campaign.name</c>, <c>sender.name</c>.</summary>
    BuiltIn,

    /// <summary>A value a click stored on the profile (<c>on click ... set style = ...</c>).</summary>
    ClickStored,

    /// <summary>A placeholder an email provider fills in: SendGrid's <c>unsubscribe</c>, Postmark's <c>pm:unsubscribe</c>.</summary>
    ProviderPlaceholder,
}
