namespace Campaignc.Tests.Plugins;

/// <summary>
/// A small project in a temporary folder: campaignc.yaml with <c>plugins:</c>, three contacts of different lifetime
/// value, and a one-off campaign whose audience and template call the plugin function <c>loyalty_tier</c>.
/// </summary>
internal sealed class PluginProject : IDisposable
{
    public const string LoyaltyScript = """
        // Tiers by lifetime value; campaigns call it as loyalty_tier(lifetime_value).
        [CampaignFunction("loyalty_tier")]
        static string LoyaltyTier(decimal spent) => spent >= 1000 ? "gold" : spent >= 500 ? "silver" : "bronze";
        """;

    public PluginProject(string script = LoyaltyScript, string? extraYaml = null, string plugins = "[plugins/loyalty.csx]")
    {
        Folder = new TempFolder();
        ScriptPath = Folder.Write("plugins/loyalty.csx", script.Replace("%FOLDER%", Folder.Path, StringComparison.Ordinal));
        Folder.Write("campaignc.yaml", $"""
            version: 1
            plugins: {plugins}
            contacts:
              attributes:
                lifetime_value: number
            {extraYaml ?? ""}
            """);
        Folder.Write("data/contacts.csv", """
            id,email,first_name,timezone,subscribed,created_at,lifetime_value
            C1,ann@example.com,Ann,Europe/London,true,2025-01-01T00:00:00Z,1500
            C2,ben@example.com,Ben,Europe/London,true,2025-01-01T00:00:00Z,600
            C3,cas@example.com,Cas,Europe/London,true,2025-01-01T00:00:00Z,20

            """);
        Folder.Write("data/events.csv", "contact_id,type,at,amount\n");
        Folder.Write("campaigns/templates/thanks.hbs", """
            <p>Hi {{first_name}}, you are a {{loyalty_tier lifetime_value}} member.</p>
            <p><a href="{{unsubscribe_url}}">Unsubscribe</a></p>

            """);
        CampaignPath = Folder.Write("campaigns/thanks.campaign", """
            campaign loyal_thanks "Thanks" {
              type custom
              owner "crm@shop.example"
              from "Anna from Shop <anna@shop.example>"
              timezone "Europe/London"

              audience {
                where subscribed and loyalty_tier(lifetime_value) != "bronze"
                entry once
              }

              stage thanks {
                send email "templates/thanks.hbs" subject "Thank you, {{first_name}}"
              }
            }

            """);
    }

    public TempFolder Folder { get; }

    public string ScriptPath { get; }

    public string CampaignPath { get; }

    public string Config => Folder.Combine("campaignc.yaml");

    public string CacheFolder => Folder.Combine(".campaignc", "cache", "plugins");

    public string[] Data => [Folder.Combine("data", "contacts.csv"), Folder.Combine("data", "events.csv")];

    public void Dispose() => Folder.Dispose();
}
