using System.Globalization;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Emit;

/// <summary>Values in the plan's canonical forms: durations in whole seconds, dates <c>yyyy-MM-dd</c>, times <c>HH:mm</c>, type names in one word.</summary>
internal static class PlanValues
{
    public static long Seconds(Ast.DurationLiteral duration) => (long)duration.Value.TotalSeconds;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The plan's name for a value type: <c>text</c>, <c>number</c>, <c>bool</c>, <c>date</c>, <c>money</c>, <c>percent</c>, <c>duration</c>, <c>time</c>.</summary>
    public static string TypeName(DataType type) => type.Name switch
    {
        _ when type.IsList => "list",
        "yes/no" => "bool",
        "percentage" => "percent",
        "money amount" => "money",
        "time of day" => "time",
        var name => name,
    };
}
