using System.Collections.Frozen;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>The type names custom attributes and event fields are declared with, and the types they stand for.</summary>
internal static class AttributeTypes
{
    public static FrozenDictionary<string, DataType> ByName { get; } = new Dictionary<string, DataType>
    {
        ["text"] = DataType.Text,
        ["number"] = DataType.Number,
        ["bool"] = DataType.Bool,
        ["yes/no"] = DataType.Bool,
        ["date"] = DataType.Date,
        ["money"] = DataType.Money,
        ["percent"] = DataType.Percent,
        ["duration"] = DataType.Duration,
        ["time"] = DataType.Time,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public const string Expected = "a type: text, number, bool (or yes/no), date, money, percent, duration or time";
}
