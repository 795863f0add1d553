using System.Collections.Frozen;
using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// The settings a campaign header may hold. Each says what value it takes and checks one;
/// a check returns null when the value is fine, else what the setting takes and a suggestion.
/// </summary>
internal static class SettingCatalog
{
    public static readonly string[] CampaignTypes =
        ["welcome", "appreciation", "retention", "winback", "reengagement", "post_purchase", "nurture", "custom"];

    public static FrozenDictionary<string, Func<Expression, (string Expected, string? Suggestion)?>> All { get; } =
        new Dictionary<string, Func<Expression, (string Expected, string? Suggestion)?>>
        {
            ["type"] = CampaignType,
            ["owner"] = v => Text(v, "a quoted text such as \"crm@shop.example\""),
            ["description"] = v => Text(v, "a quoted text"),
            ["from"] = v => Address(v, "a sender such as \"Anna from Shop <anna@shop.example>\""),
            ["reply_to"] = v => Address(v, "an address such as \"service@shop.example\""),
            ["timezone"] = TimeZone,
            ["tags"] = Tags,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static (string, string?)? CampaignType(Expression value)
    {
        const string expected = "one of welcome, appreciation, retention, winback, reengagement, post_purchase, nurture or custom";
        var written = value switch
        {
            NameReference { Parts.Length: 1 } name => name.Name,
            StringLiteral text => text.Value,
            _ => null,
        };

        if (value is NameReference && written is not null && CampaignTypes.Contains(written))
        {
            return null;
        }

        var suggestion = written is null ? null : NameSuggester.Suggest(written, CampaignTypes);
        return value is StringLiteral && CampaignTypes.Contains(written)
            ? ($"{expected}, written without quotes", written)
            : (expected, suggestion);
    }

    private static (string, string?)? Text(Expression value, string expected) =>
        value is StringLiteral ? null : (expected, null);

    private static (string, string?)? Address(Expression value, string expected) =>
        value is StringLiteral { Value: var text } && text.Contains('@', StringComparison.Ordinal) && !text.Any(char.IsControl)
            ? null
            : (expected, null);

    private static (string, string?)? TimeZone(Expression value)
    {
        const string expected = "an IANA time zone such as \"Europe/Amsterdam\" or \"America/New_York\"";
        if (value is not StringLiteral { Value: var id })
        {
            return (expected, null);
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? null : (expected, null);
    }

    private static (string, string?)? Tags(Expression value) =>
        value is ListExpression list && list.Items.All(i => i is StringLiteral)
            ? null
            : ("a list of quoted texts such as [\"winback\", \"q4\"]", null);
}
