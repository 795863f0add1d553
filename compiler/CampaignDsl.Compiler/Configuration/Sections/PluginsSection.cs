using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Reads <c>plugins:</c>: the C# script files (<c>.csx</c>), relative to campaignc.yaml, that add data sources,
/// senders and functions. A path that names no file is reported at the item; the scripts themselves are compiled
/// by campaignc (CampaignDsl.Plugins), never here.
/// </summary>
internal static class PluginsSection
{
    private const string Expected = "a list of C# script files such as [plugins/loyalty.csx]";

    public static ImmutableArray<string> Read(ConfigurationReader reader, YamlEntry section)
    {
        if (reader.TextList(section, Expected) is not { } written)
        {
            return [];
        }

        var scripts = ImmutableArray.CreateBuilder<string>();
        foreach (var (text, node) in written)
        {
            if (!RelativePaths.TryResolve(reader.BaseFolder, text, out var full))
            {
                reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.At(node), section.Path, text, "a script path such as plugins/loyalty.csx", null));
            }
            else if (Files.ProjectRoot.At(reader.BaseFolder).Problem(text, full) is { } outside)
            {
                // Not even whether it exists is looked at: nothing outside the project is read or shown.
                reader.Report(DiagnosticCatalog.PathOutsideProject(reader.At(node), "plugin script", outside));
            }
            else if (!File.Exists(full))
            {
                reader.Report(DiagnosticCatalog.PluginScriptMissing(reader.At(node), text));
            }
            else if (!scripts.Contains(full))
            {
                scripts.Add(full);
            }
        }

        return scripts.ToImmutable();
    }
}
