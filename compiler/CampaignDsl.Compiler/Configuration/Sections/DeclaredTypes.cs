using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>Reads the <c>name: type</c> lines that declare contact attributes and event fields.</summary>
internal static class DeclaredTypes
{
    /// <summary>The type an entry declares, or null (reported) when it names none.</summary>
    public static DataType? Read(ConfigurationReader reader, YamlEntry entry)
    {
        if (reader.Text(entry, AttributeTypes.Expected) is not { } name)
        {
            return null;
        }

        if (AttributeTypes.ByName.TryGetValue(name.Trim(), out var type))
        {
            return type;
        }

        reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, name, AttributeTypes.Expected,
            NameSuggester.Suggest(name, AttributeTypes.ByName.Keys)));
        return null;
    }

    /// <summary>Whether the entry's key can be written in conditions as a <paramref name="what"/>; reported when not.</summary>
    public static bool IsUsableName(ConfigurationReader reader, YamlEntry entry, string what, ConditionNames.Verdict verdict)
    {
        if (verdict == ConditionNames.Verdict.Usable)
        {
            return true;
        }

        reader.Report(DiagnosticCatalog.ConfigurationNameUnusable(reader.At(entry.KeyNode), entry.Key, what, verdict == ConditionNames.Verdict.Keyword));
        return false;
    }
}
