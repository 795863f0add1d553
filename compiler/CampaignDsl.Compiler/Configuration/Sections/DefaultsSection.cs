using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>Reads <c>defaults:</c>: time zone, send window, quiet hours, sender, reply-to address and owner.</summary>
internal static class DefaultsSection
{
    private const string TimeZoneExpected = "an IANA time zone such as Europe/Amsterdam or America/New_York";
    private const string WindowExpected = "a time window such as 09:00-20:00 (24-hour clock, start and end differ)";

    public static CampaignDefaults Read(ConfigurationReader reader, YamlEntry section)
    {
        var defaults = CampaignDefaults.None;
        foreach (var entry in reader.Known(reader.Entries(section, "timezone: Europe/Amsterdam"), "defaults", ConfigurationKeys.Defaults))
        {
            defaults = entry.Key switch
            {
                "timezone" => defaults with { TimeZone = TimeZone(reader, entry) },
                "send_window" => defaults with { SendWindow = Window(reader, entry) },
                "quiet_hours" => defaults with { QuietHours = Window(reader, entry) },
                "from" => defaults with { From = Address(reader, entry, "a sender such as \"Anna from Shop <anna@shop.example>\"") },
                "reply_to" => defaults with { ReplyTo = Address(reader, entry, "an address such as service@shop.example") },
                "owner" => defaults with { Owner = reader.Text(entry, "a text such as crm@shop.example") },
                _ => defaults,
            };
        }

        return defaults;
    }

    private static string? TimeZone(ConfigurationReader reader, YamlEntry entry)
    {
        if (reader.Text(entry, TimeZoneExpected) is not { } id)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId)
        {
            return id;
        }

        var known = TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id);
        reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, id, TimeZoneExpected, NameSuggester.Suggest(id, known)));
        return null;
    }

    private static DailyWindow? Window(ConfigurationReader reader, YamlEntry entry)
    {
        if (reader.Text(entry, WindowExpected) is not { } text)
        {
            return null;
        }

        if (DailyWindow.TryParse(text, out var window))
        {
            return window;
        }

        reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, text, WindowExpected, null));
        return null;
    }

    internal static string? Address(ConfigurationReader reader, YamlEntry entry, string expected)
    {
        if (reader.Text(entry, expected) is not { } text)
        {
            return null;
        }

        if (EmailAddresses.LooksLikeAddress(text))
        {
            return text;
        }

        reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, text, expected, null));
        return null;
    }
}
