using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Text;
using YamlDotNet.RepresentationModel;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Reads the shapes every section is made of (blocks of keys, lists, texts) from the YAML tree and
/// reports each value of the wrong kind, or key out of place, where it was written. Sections read
/// what they need through it and never look at YAML nodes' types themselves.
/// </summary>
internal sealed class ConfigurationReader(SourceText source, DiagnosticBag diagnostics, string baseFolder)
{
    /// <summary>The folder of campaignc.yaml, against which the paths written in it are resolved.</summary>
    public string BaseFolder => baseFolder;

    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    public SourceLocation At(YamlNode node) => YamlLocation.At(source, node);

    /// <summary>The value when it is a single text, else the key: a block's own position is only its first character.</summary>
    public SourceLocation AtValue(YamlEntry entry) => entry.Value is YamlScalarNode ? At(entry.Value) : At(entry.KeyNode);

    /// <summary>The entries of the top of the file; anything but a block of keys is reported.</summary>
    public IReadOnlyList<YamlEntry> RootEntries(YamlNode root)
    {
        if (root is YamlMappingNode mapping)
        {
            return EntriesOf(mapping, "");
        }

        Report(DiagnosticCatalog.ConfigurationNotABlock(At(root), YamlValues.Describe(root)));
        return [];
    }

    /// <summary>
    /// The entries of a block; an empty value counts as an empty block. Anything else is reported as
    /// the wrong kind, with <paramref name="example"/> showing what the block looks like.
    /// </summary>
    public IReadOnlyList<YamlEntry> Entries(YamlEntry owner, string example)
    {
        if (owner.Value is YamlMappingNode mapping)
        {
            return EntriesOf(mapping, owner.Path + ".");
        }

        if (!owner.IsNull)
        {
            Report(DiagnosticCatalog.ConfigurationValueKind(AtValue(owner), owner.Path, $"a block of keys such as `{example}`", YamlValues.Describe(owner.Value)));
        }

        return [];
    }

    /// <summary>
    /// Keeps the entries whose keys <paramref name="known"/> lists, and reports the others: as
    /// misplaced when the key belongs in another section, else with the nearest known key.
    /// </summary>
    public IEnumerable<YamlEntry> Known(IReadOnlyList<YamlEntry> entries, string? section, IReadOnlyCollection<string> known)
    {
        foreach (var entry in entries)
        {
            if (known.Contains(entry.Key))
            {
                yield return entry;
                continue;
            }

            var home = ConfigurationKeys.HomeOf(entry.Key);
            if (home is not null && home != section)
            {
                Report(home.Length == 0
                    ? DiagnosticCatalog.ConfigurationKeyAtTop(At(entry.KeyNode), entry.Key, section ?? "")
                    : DiagnosticCatalog.ConfigurationKeyMisplaced(At(entry.KeyNode), entry.Key, section, home));
            }
            else
            {
                Report(DiagnosticCatalog.ConfigurationKeyNotFound(At(entry.KeyNode), entry.Key, section, known, NameSuggester.Suggest(entry.Key, known)));
            }
        }
    }

    /// <summary>A single text value; anything else (nothing, a list, a block) is reported.</summary>
    public string? Text(YamlEntry entry, string expected)
    {
        if (entry.Text is { } text)
        {
            return text;
        }

        Report(DiagnosticCatalog.ConfigurationValueKind(AtValue(entry), entry.Path, expected, YamlValues.Describe(entry.Value)));
        return null;
    }

    /// <summary>A list of single texts, such as <c>[templates, shared/templates]</c>; each item out of place is reported.</summary>
    public ImmutableArray<(string Text, YamlNode Node)>? TextList(YamlEntry entry, string expected)
    {
        if (entry.Value is not YamlSequenceNode list)
        {
            Report(DiagnosticCatalog.ConfigurationValueKind(AtValue(entry), entry.Path, expected, YamlValues.Describe(entry.Value)));
            return null;
        }

        var items = ImmutableArray.CreateBuilder<(string, YamlNode)>();
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && !YamlValues.IsNull(item))
            {
                items.Add((text, item));
            }
            else
            {
                Report(DiagnosticCatalog.ConfigurationValueKind(At(item), entry.Path, expected, YamlValues.Describe(item)));
            }
        }

        return items.ToImmutable();
    }

    private List<YamlEntry> EntriesOf(YamlMappingNode mapping, string prefix)
    {
        var entries = new List<YamlEntry>(mapping.Children.Count);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name } scalar && !YamlValues.IsNull(key))
            {
                entries.Add(new YamlEntry(name, scalar, value, prefix + name));
            }
            else
            {
                Report(DiagnosticCatalog.ConfigurationKeyNotAName(At(key), YamlValues.Describe(key)));
            }
        }

        return entries;
    }
}
