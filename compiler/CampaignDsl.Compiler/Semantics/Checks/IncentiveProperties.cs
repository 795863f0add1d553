using System.Collections.Frozen;
using System.Globalization;
using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// The properties an incentive may hold, what value each takes, and which of them give the contact
/// something (a benefit). Each check returns null when the value is fine, else what the property takes.
/// </summary>
internal static class IncentiveProperties
{
    /// <summary>The properties that are an offer in themselves; an incentive needs at least one.</summary>
    public static readonly FrozenSet<string> Benefits =
        FrozenSet.ToFrozenSet(["discount", "credit", "free_shipping", "bonus_product", "coupon_reminder"], StringComparer.Ordinal);

    /// <summary>The placeholders a code pattern may hold: random letters and digits, digits, or letters.</summary>
    public static readonly string[] CodeSlots = ["code", "digits", "letters"];

    public static FrozenDictionary<string, Func<Expression?, string?>> All { get; } =
        new Dictionary<string, Func<Expression?, string?>>
        {
            ["discount"] = Discount,
            ["credit"] = v => Money(v, "an amount of money above zero, such as `credit EUR 10`"),
            ["min_order"] = v => Money(v, "an amount of money above zero, such as `min_order EUR 50`"),
            ["free_shipping"] = Flag,
            ["coupon_reminder"] = Flag,
            ["bonus_product"] = v => Text(v, "a quoted product code or name, such as `bonus_product \"SKU-123\"`"),
            ["title"] = v => Text(v, "a quoted text, such as `title \"20% off your next order\"`"),
            ["code"] = Code,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static string? Discount(Expression? value) => value switch
    {
        PercentLiteral { Value: >= 1 and <= 100 } => null,
        PercentLiteral => "a percentage from 1% to 100%",
        NumberLiteral number => $"a percentage from 1% to 100%, written with `%`: `discount {number.Value.ToString(CultureInfo.InvariantCulture)}%`",
        _ => "a percentage from 1% to 100%, such as `discount 20%`",
    };

    private static string? Money(Expression? value, string expected) =>
        value is MoneyLiteral { Amount: > 0 } ? null : expected;

    private static string? Flag(Expression? value) =>
        value is null ? null : "no value: it is on when written; remove the value";

    private static string? Text(Expression? value, string expected) =>
        value is StringLiteral { Value.Length: > 0 } ? null : expected;

    private static string? Code(Expression? value) => value is StringLiteral text
        ? CodePatternProblem(text.Value)
        : "a quoted pattern such as `code \"WB-{code:6}\"`";

    /// <summary>
    /// What is wrong with a code pattern, or null: literal characters and <c>{slot:width}</c> placeholders
    /// (<c>code</c>, <c>digits</c>, <c>letters</c>, width 1-32), with at least 4 random characters so codes stay unique per contact.
    /// </summary>
    public static string? CodePatternProblem(string pattern)
    {
        var random = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '}')
            {
                return "a pattern whose `}` closes a placeholder; this one has no `{` before it";
            }

            if (pattern[i] != '{')
            {
                i++;
                continue;
            }

            var close = pattern.IndexOf('}', i);
            if (close < 0)
            {
                return "a pattern whose placeholders are closed with `}`, such as `WB-{code:6}`";
            }

            var slot = pattern[(i + 1)..close];
            var colon = slot.IndexOf(':');
            var name = colon < 0 ? slot : slot[..colon];
            if (!CodeSlots.Contains(name))
            {
                return $"a pattern whose placeholders are `{{code:N}}`, `{{digits:N}}` or `{{letters:N}}`; `{{{slot}}}` is none of them";
            }

            if (colon < 0 || !int.TryParse(slot.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var width) || width is < 1 or > 32)
            {
                return $"a pattern whose placeholders give a width from 1 to 32, such as `{{{name}:6}}`";
            }

            random += width;
            i = close + 1;
        }

        return random >= 4
            ? null
            : "a pattern with at least 4 random characters, so that every contact gets a different code, such as `WB-{code:6}`";
    }
}
