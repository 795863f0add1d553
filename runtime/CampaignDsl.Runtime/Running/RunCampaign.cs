using System.Security.Cryptography;
using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Running;

/// <summary>
/// A campaign to run for real: its plan, the plan's version (a hash of the plan, so any change to it is a
/// new version), where it came from, and how to read the text of its template files.
/// </summary>
/// <param name="PlainTextTemplate">The text of the <c>.txt</c> template beside an HTML one (an email's text part); null when there is none.</param>
public sealed record RunCampaign(CampaignPlan Plan, string Source, TemplateReader TemplateText, TemplateReader? PlainTextTemplate = null)
{
    public string Name => Plan.Campaign.Name;

    /// <summary>The first 16 hex digits of SHA-256 of the plan as <c>campaignc compile</c> writes it.</summary>
    public string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(PlanJson.Serialize(Plan)))[..16];
}

/// <summary>The text of a plan's template file, or null with <paramref name="problem"/> saying why it cannot be had.</summary>
public delegate string? TemplateReader(PlanTemplate template, out string? problem);

/// <summary>The idempotency key of a send: the same send of the same contact always has the same key, so a re-offer carries it.</summary>
public static class IdempotencyKeys
{
    /// <summary>32 hex digits of SHA-256 over campaign, plan version, stage, send, contact and occurrence.</summary>
    public static string For(string campaign, string planVersion, string stage, string sendId, string contactId, int occurrence) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', campaign, planVersion, stage, sendId, contactId, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture)))))[..32];
}
