namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// The <c>defaults:</c> section: what a campaign of this project uses when it does not say itself.
/// Each is null when not configured.
/// </summary>
public sealed record CampaignDefaults
{
    public static CampaignDefaults None { get; } = new();

    /// <summary>An IANA time zone id such as <c>Europe/Amsterdam</c>, in which send windows and quiet hours are read.</summary>
    public string? TimeZone { get; init; }

    /// <summary>When messages may go out.</summary>
    public DailyWindow? SendWindow { get; init; }

    /// <summary>When no message goes out, even inside the send window.</summary>
    public DailyWindow? QuietHours { get; init; }

    /// <summary>The sender, such as <c>Anna from Shop &lt;anna@shop.example&gt;</c>.</summary>
    public string? From { get; init; }

    public string? ReplyTo { get; init; }

    /// <summary>Who answers for the campaigns, such as <c>crm@shop.example</c>.</summary>
    public string? Owner { get; init; }
}
