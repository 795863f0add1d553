using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using YamlDotNet.RepresentationModel;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Reads <c>runtime:</c>: one block per adapter (<c>data</c>, <c>sender</c>, <c>state</c>), each
/// with a <c>kind</c> from <see cref="AdapterCatalog"/> and the keys that kind takes.
/// </summary>
internal static class RuntimeSection
{
    /// <summary>A raw block holds at most this many values; aliases could otherwise multiply a small file into millions.</summary>
    private const int MaxRawValues = 1000;

    /// <param name="pluginKinds">Whether plugin scripts are configured: then a kind this campaignc does not have is taken as one a
    /// script adds, with its keys kept as written; <c>campaignc run</c> and <c>simulate</c> refuse it if no script adds it.</param>
    public static RuntimeSettings Read(ConfigurationReader reader, YamlEntry section, bool pluginKinds = false)
    {
        var runtime = RuntimeSettings.None;
        foreach (var entry in reader.Known(reader.Entries(section, "data: { kind: csv, contacts: data/contacts.csv }"), "runtime", ConfigurationKeys.Runtime))
        {
            if (entry.Key == ForecastSection.Key)
            {
                runtime = runtime with { Forecast = ForecastSection.Read(reader, entry) };
                continue;
            }

            var adapter = Adapter(reader, entry, AdapterCatalog.Slots[entry.Key], pluginKinds);
            runtime = entry.Key switch
            {
                AdapterCatalog.Data => runtime with { Data = adapter },
                AdapterCatalog.Sender => runtime with { Sender = adapter },
                _ => runtime with { State = adapter },
            };
        }

        return runtime;
    }

    private static AdapterSettings? Adapter(ConfigurationReader reader, YamlEntry block, IReadOnlyDictionary<string, AdapterKind> kinds, bool pluginKinds)
    {
        var kindNames = kinds.Keys.Order(StringComparer.Ordinal).ToList();
        var kindList = string.Join(", ", kindNames[..^1]) + " or " + kindNames[^1];
        var entries = reader.Entries(block, $"kind: {kindNames[0]}");
        if (entries.Count == 0 && block.Value is not YamlMappingNode && !block.IsNull)
        {
            return null;
        }

        var kindEntry = entries.FirstOrDefault(e => e.Key == "kind");
        if (kindEntry is null)
        {
            reader.Report(DiagnosticCatalog.ConfigurationKeyRequired(reader.At(block.KeyNode), block.Path, "kind", $"kind: {kindNames[0]}"));
            return null;
        }

        if (reader.Text(kindEntry, $"a kind: {kindList}") is not { } written)
        {
            return null;
        }

        if (!kinds.ContainsKey(written) && pluginKinds)
        {
            return PluginAdapter(reader, entries, written);
        }

        if (!kinds.TryGetValue(written, out var kind))
        {
            reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(kindEntry), kindEntry.Path, written, $"a kind: {kindList}",
                NameSuggester.Suggest(written, kindNames)));
            return null;
        }

        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var mapping = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var known = kind.Keys.Select(k => k.Name).Prepend("kind").ToList();
        foreach (var entry in reader.Known(entries, block.Path, known).Where(e => e.Key != "kind"))
        {
            var key = kind.Find(entry.Key)!;
            if (key.Kind == AdapterValueKind.RawBlock)
            {
                Raw(reader, entry, "", mapping);
            }
            else if (Value(reader, entry, key) is { } value)
            {
                values[entry.Key] = value;
            }
        }

        var complete = true;
        foreach (var required in kind.Keys.Where(k => k.Required && !entries.Any(e => e.Key == k.Name)))
        {
            reader.Report(DiagnosticCatalog.AdapterKeyRequired(reader.At(block.KeyNode), block.Path, kind.Name, required.Name, required.Example));
            complete = false;
        }

        return complete ? new AdapterSettings(kind.Name, values.ToImmutable()) { Mapping = mapping.ToImmutable() } : null;
    }

    /// <summary>A kind a plugin script adds: its keys are the script's to check, so each is kept as the text written.</summary>
    private static AdapterSettings PluginAdapter(ConfigurationReader reader, IReadOnlyList<YamlEntry> entries, string kind)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Key != "kind"))
        {
            if (reader.Text(entry, "a text, number or yes/no value") is { } text)
            {
                values[entry.Key] = text;
            }
        }

        return new AdapterSettings(kind, values.ToImmutable());
    }

    private static string? Value(ConfigurationReader reader, YamlEntry entry, AdapterKey key)
    {
        var expected = key.Kind switch
        {
            AdapterValueKind.Path => "a path such as data/contacts.csv",
            AdapterValueKind.Port => "a port number from 1 to 65535, such as 587",
            AdapterValueKind.Address => "an address such as \"Shop <news@shop.example>\"",
            AdapterValueKind.Url => "an http or https URL such as https://hooks.shop.example/campaigns",
            AdapterValueKind.Count => "a whole number from 1 up",
            AdapterValueKind.Choice => "one of " + string.Join(", ", key.Choices),
            _ => "a text",
        };

        if (key.Kind == AdapterValueKind.EnvironmentVariable)
        {
            return EnvironmentVariableName(reader, entry);
        }

        if (key.Kind == AdapterValueKind.Address)
        {
            return DefaultsSection.Address(reader, entry, expected);
        }

        if (reader.Text(entry, expected) is not { } text)
        {
            return null;
        }

        if (key.Kind == AdapterValueKind.Path)
        {
            return ProjectPath(reader, entry, text, expected);
        }

        string? value = key.Kind switch
        {
            AdapterValueKind.Port => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? text : null,
            AdapterValueKind.Url => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? text : null,
            AdapterValueKind.Count => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 ? text : null,
            AdapterValueKind.Choice => key.Choices.Contains(text, StringComparer.Ordinal) ? text : null,
            _ => text,
        };

        if (value is null)
        {
            reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, text, expected,
                key.Kind == AdapterValueKind.Choice ? NameSuggester.Suggest(text, key.Choices) : null));
        }

        return value;
    }

    /// <summary>
    /// A data file, store, outbox or state file: inside the project like every other file campaignc.yaml names, so a
    /// configuration under review can make no command read or write elsewhere. Files outside are given on the command line.
    /// </summary>
    private static string? ProjectPath(ConfigurationReader reader, YamlEntry entry, string text, string expected)
    {
        if (!RelativePaths.TryResolve(reader.BaseFolder, text, out var full))
        {
            reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, text, expected, null));
            return null;
        }

        if (Files.ProjectRoot.At(reader.BaseFolder).Problem(text, full) is { } outside)
        {
            reader.Report(DiagnosticCatalog.PathOutsideProject(reader.AtValue(entry), $"`{entry.Path}`", outside));
            return null;
        }

        return full;
    }

    // The value may be a secret written by mistake, so a bad one is never repeated in the message.
    private static string? EnvironmentVariableName(ConfigurationReader reader, YamlEntry entry)
    {
        if (reader.Text(entry, "the name of an environment variable, such as SMTP_PASSWORD") is not { } text)
        {
            return null;
        }

        var valid = text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!valid)
        {
            reader.Report(DiagnosticCatalog.EnvironmentVariableNameInvalid(reader.AtValue(entry), entry.Path));
        }

        return valid ? text : null;
    }

    // The block is the adapter's business: texts and nested blocks are kept as dotted keys, unchecked.
    private static void Raw(ConfigurationReader reader, YamlEntry entry, string prefix, ImmutableSortedDictionary<string, string>.Builder into)
    {
        foreach (var child in reader.Entries(entry, "contacts: { id: customer_id }"))
        {
            if (into.Count >= MaxRawValues)
            {
                return;
            }

            if (child.Value is YamlMappingNode)
            {
                Raw(reader, child, prefix + child.Key + ".", into);
            }
            else if (reader.Text(child, "a text, or a block of keys") is { } text)
            {
                into[prefix + child.Key] = text;
            }
        }
    }
}
