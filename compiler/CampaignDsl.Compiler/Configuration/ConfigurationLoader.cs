using System.Globalization;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Configuration.Sections;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// Reads and checks campaignc.yaml. Every problem becomes a diagnostic located in the file; nothing
/// is thrown for bad input. What is valid is kept, so one mistake does not cost the whole file, and
/// a section in error falls back to its default. Lint rule settings are checked against
/// <paramref name="lintRules"/>, the rules this campaignc has.
/// </summary>
public sealed class ConfigurationLoader(ILintRuleRegistry lintRules)
{
    /// <summary>A larger campaignc.yaml is refused unread: it is almost certainly data, not settings.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Reads campaignc.yaml from its bytes. <paramref name="path"/> locates the file (paths in it are
    /// relative to its folder); diagnostics name it as <paramref name="displayPath"/>, by default the same.
    /// </summary>
    public LoadedConfiguration Load(string path, ReadOnlySpan<byte> content, string? displayPath = null)
    {
        var fullPath = Path.GetFullPath(path);
        var diagnostics = new DiagnosticBag();
        var (source, root) = YamlDocumentReader.Read(displayPath ?? path, content, diagnostics);
        var configuration = ProjectConfiguration.Default with { FilePath = fullPath };
        if (root is not null)
        {
            var reader = new ConfigurationReader(source, diagnostics, Path.GetDirectoryName(fullPath) ?? fullPath);
            configuration = Read(reader, reader.RootEntries(root), configuration);
        }

        return new LoadedConfiguration(configuration, [.. diagnostics.ToImmutable().OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)]);
    }

    private ProjectConfiguration Read(ConfigurationReader reader, IReadOnlyList<YamlEntry> entries, ProjectConfiguration configuration)
    {
        var known = reader.Known(entries, null, ConfigurationKeys.TopLevel).ToDictionary(e => e.Key, StringComparer.Ordinal);
        if (known.TryGetValue("version", out var version))
        {
            CheckVersion(reader, version);
        }

        // Contacts before events: an event type may not take the name of a custom attribute.
        var contacts = known.TryGetValue("contacts", out var c) ? ContactsSection.Read(reader, c) : ContactSettings.None;
        // Plugins before runtime: with plugins, a runtime block may name a kind that a script adds.
        var plugins = known.TryGetValue("plugins", out var p) ? PluginsSection.Read(reader, p) : [];
        return configuration with
        {
            Lint = known.TryGetValue("lint", out var lint) ? LintSection.Read(reader, lint, lintRules) : LintSettings.None,
            Defaults = known.TryGetValue("defaults", out var defaults) ? DefaultsSection.Read(reader, defaults) : CampaignDefaults.None,
            Templates = known.TryGetValue("templates", out var templates) ? TemplatesSection.Read(reader, templates) : TemplateSettings.None,
            Contacts = contacts,
            Events = known.TryGetValue("events", out var events) ? EventsSection.Read(reader, events, contacts) : EventSettings.None,
            Runtime = known.TryGetValue("runtime", out var runtime) ? RuntimeSection.Read(reader, runtime, pluginKinds: known.ContainsKey("plugins")) : Runtime.RuntimeSettings.None,
            Plugins = plugins,
            PluginTimeLimit = known.TryGetValue(PluginTimeLimitSection.Key, out var limit) ? PluginTimeLimitSection.Read(reader, limit) : ProjectConfiguration.DefaultPluginTimeLimit,
        };
    }

    private static void CheckVersion(ConfigurationReader reader, YamlEntry version)
    {
        var written = version.Text;
        if (written?.Trim() == ProjectConfiguration.CurrentVersion.ToString(CultureInfo.InvariantCulture))
        {
            return;
        }

        reader.Report(DiagnosticCatalog.ConfigurationVersionNotSupported(reader.AtValue(version), YamlValues.Describe(version.Value), ProjectConfiguration.CurrentVersion));
    }
}
