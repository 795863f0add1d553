using System.Collections.Frozen;
using CampaignDsl.Compiler.Configuration.Runtime;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// The keys of each section of campaignc.yaml. Besides the readers, the messages use them: a key
/// written in the wrong section is pointed to the one section that has it.
/// </summary>
internal static class ConfigurationKeys
{
    public static readonly string[] TopLevel = ["version", "lint", "defaults", "templates", "contacts", "events", "runtime", "plugins", Sections.PluginTimeLimitSection.Key];
    public static readonly string[] Lint = ["rules"];
    public static readonly string[] Defaults = ["timezone", "send_window", "quiet_hours", "from", "reply_to", "owner"];
    public static readonly string[] Templates = ["folders"];
    public static readonly string[] Contacts = ["attributes"];
    public static readonly string[] EventType = ["fields"];
    public static readonly string[] Runtime = [.. AdapterCatalog.Slots.Keys.Order(StringComparer.Ordinal), Sections.ForecastSection.Key];

    // Keys that several sections have (`from`, `kind`, `path`, ...) have no single home and get none.
    private static readonly FrozenDictionary<string, string> Homes = BuildHomes();

    /// <summary>The section (dotted path, "" for the top level) that is the only one holding <paramref name="key"/>.</summary>
    public static string? HomeOf(string key) => Homes.GetValueOrDefault(key);

    private static FrozenDictionary<string, string> BuildHomes()
    {
        (string Section, IEnumerable<string> Keys)[] sections =
        [
            ("", TopLevel), ("lint", Lint), ("defaults", Defaults), ("templates", Templates), ("contacts", Contacts), ("runtime", Runtime),
            .. AdapterCatalog.Slots.SelectMany(slot => slot.Value.Values.Select(kind => ($"runtime.{slot.Key}", kind.Keys.Select(k => k.Name).Append("kind")))),
        ];
        return sections
            .SelectMany(s => s.Keys.Distinct().Select(key => (Key: key, s.Section)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Where(g => g.Select(p => p.Section).Distinct().Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.First().Section, StringComparer.Ordinal);
    }
}
