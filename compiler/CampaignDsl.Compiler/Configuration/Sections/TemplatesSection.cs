using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>Reads <c>templates:</c>: the folders, relative to campaignc.yaml, searched for template files.</summary>
internal static class TemplatesSection
{
    private const string FoldersExpected = "a list of folders such as [templates, shared/templates]";

    public static TemplateSettings Read(ConfigurationReader reader, YamlEntry section)
    {
        var templates = TemplateSettings.None;
        foreach (var entry in reader.Known(reader.Entries(section, "folders: [templates]"), "templates", ConfigurationKeys.Templates))
        {
            if (reader.TextList(entry, FoldersExpected) is not { } written)
            {
                continue;
            }

            var folders = ImmutableArray.CreateBuilder<string>();
            foreach (var (text, node) in written)
            {
                if (RelativePaths.TryResolve(reader.BaseFolder, text, out var full))
                {
                    // A template folder outside the project would let a campaign name any file there.
                    if (Files.ProjectRoot.At(reader.BaseFolder).Problem(text, full) is { } outside)
                    {
                        reader.Report(DiagnosticCatalog.PathOutsideProject(reader.At(node), "template folder", outside));
                    }
                    else
                    {
                        folders.Add(full);
                    }
                }
                else
                {
                    reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.At(node), entry.Path, text, "a folder path such as templates or shared/templates", null));
                }
            }

            templates = new TemplateSettings([.. folders.Distinct(StringComparer.Ordinal)]);
        }

        return templates;
    }
}
