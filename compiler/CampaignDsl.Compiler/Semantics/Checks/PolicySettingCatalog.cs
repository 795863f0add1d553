using System.Collections.Frozen;
using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>The <c>key value</c> settings of a policy block; each check returns null when the value is fine, else what the setting takes.</summary>
internal static class PolicySettingCatalog
{
    /// <summary>The policy lines that are not <c>key value</c> settings, for "did you mean".</summary>
    public static readonly string[] Keywords = ["cap", "goal", "exit", "then", "finally"];

    /// <summary>What <c>finally</c> may do with contacts who never responded, and whether it takes a quoted argument.</summary>
    public static readonly FrozenDictionary<string, bool> FinalActions = new Dictionary<string, bool>
    {
        ["suppress"] = true,
        ["tag"] = true,
        ["unsubscribe"] = false,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, Func<Expression, string?>> All { get; } =
        new Dictionary<string, Func<Expression, string?>>
        {
            ["send_window"] = v => v is TimeRangeLiteral ? null : "a daily time range in the contact's time zone, such as `09:00..20:00`",
            ["quiet_hours"] = QuietHours,
            ["holdout"] = Holdout,
            ["send_time_optimization"] = v => v is NameReference { Name: "on" or "off" } ? null : "`on` or `off`",
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static string? QuietHours(Expression value) => value switch
    {
        TimeRangeLiteral range when range.Start.Value == range.End.Value => "a time range of some length; to have no quiet hours, remove the line",
        TimeRangeLiteral => null,
        _ => "a daily time range in the contact's time zone, such as `21:00..08:00`",
    };

    private static string? Holdout(Expression value) => value switch
    {
        PercentLiteral { Value: >= 0 and <= 50 } => null,
        PercentLiteral => "a percentage from 0% to 50% of the audience, kept out as a control group (10% is usual)",
        _ => "a percentage of the audience kept out as a control group, such as `holdout 10%`",
    };
}
