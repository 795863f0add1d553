using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Reads <c>contacts:</c>: the project's own contact attributes. A built-in attribute may be listed
/// again with its own type (harmless); with another type, or under the name of an event type, it is
/// reported, since conditions naming it would mean something else than the file says.
/// </summary>
internal static class ContactsSection
{
    private const string What = "contact attribute";

    public static ContactSettings Read(ConfigurationReader reader, YamlEntry section)
    {
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, DataType>(StringComparer.Ordinal);
        foreach (var block in reader.Known(reader.Entries(section, "attributes: { style: text }"), "contacts", ConfigurationKeys.Contacts))
        {
            foreach (var entry in reader.Entries(block, "style: text"))
            {
                var type = DeclaredTypes.Read(reader, entry);
                if (!DeclaredTypes.IsUsableName(reader, entry, What, ConditionNames.CheckAttribute(entry.Key)) || type is null)
                {
                    continue;
                }

                if (ContactSchema.Default.Find(entry.Key) is { } builtIn)
                {
                    if (builtIn != type)
                    {
                        reader.Report(DiagnosticCatalog.ConfigurationNameBuiltIn(reader.At(entry.KeyNode), entry.Key, What, builtIn.Name));
                    }
                }
                else if (EventCatalog.Default.Contains(entry.Key))
                {
                    reader.Report(DiagnosticCatalog.ConfigurationNameTaken(reader.At(entry.KeyNode), entry.Key, What, "a built-in event type"));
                }
                else
                {
                    attributes[entry.Key] = type;
                }
            }
        }

        return new ContactSettings(attributes.ToImmutable());
    }
}
