using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>How YAML values read: which plain scalars mean "nothing", and how a value is named in a message.</summary>
internal static class YamlValues
{
    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes: YAML's null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>What was written, for "takes X, not Y": "a list", "a block of keys", "nothing" or the text itself.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode when IsNull(node) => "nothing",
        YamlScalarNode scalar => Shorten(scalar.Value ?? ""),
        YamlSequenceNode => "a list",
        YamlMappingNode => "a block of keys",
        _ => "an alias",
    };

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        var shown = oneLine.Length > 40 ? oneLine[..40] + "..." : oneLine;
        return shown.Contains('`', StringComparison.Ordinal) ? $"'{shown}'" : $"`{shown}`";
    }
}
