using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Reads <c>events:</c>: the project's own event types and their fields, and extra fields for
/// built-in event types. A built-in field keeps its type; an event type may not share its name with
/// a contact attribute.
/// </summary>
internal static class EventsSection
{
    public static EventSettings Read(ConfigurationReader reader, YamlEntry section, ContactSettings contacts)
    {
        var types = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, DataType>>(StringComparer.Ordinal);
        foreach (var eventEntry in reader.Entries(section, "style.click: { fields: { style: text } }"))
        {
            var name = eventEntry.Key;
            if (!DeclaredTypes.IsUsableName(reader, eventEntry, "event type", ConditionNames.CheckEventType(name)))
            {
                continue;
            }

            if (ContactSchema.Default.Find(name) is not null || contacts.Attributes.ContainsKey(name))
            {
                reader.Report(DiagnosticCatalog.ConfigurationNameTaken(reader.At(eventEntry.KeyNode), name, "event type", "a contact attribute"));
                continue;
            }

            types[name] = Fields(reader, eventEntry);
        }

        return new EventSettings(types.ToImmutable());
    }

    private static ImmutableSortedDictionary<string, DataType> Fields(ConfigurationReader reader, YamlEntry eventEntry)
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, DataType>(StringComparer.Ordinal);
        var what = $"field of `{eventEntry.Key}` events";
        foreach (var block in reader.Known(reader.Entries(eventEntry, "fields: { style: text }"), eventEntry.Path, ConfigurationKeys.EventType))
        {
            foreach (var entry in reader.Entries(block, "style: text"))
            {
                var type = DeclaredTypes.Read(reader, entry);
                if (!DeclaredTypes.IsUsableName(reader, entry, what, ConditionNames.CheckAttribute(entry.Key)) || type is null)
                {
                    continue;
                }

                var builtIn = EventCatalog.Default.FindField(eventEntry.Key, entry.Key);
                if (builtIn is not null && builtIn != type)
                {
                    reader.Report(DiagnosticCatalog.ConfigurationNameBuiltIn(reader.At(entry.KeyNode), entry.Key, what, builtIn.Name));
                }
                else if (builtIn is null)
                {
                    fields[entry.Key] = type;
                }
            }
        }

        return fields.ToImmutable();
    }
}
