using System.Globalization;
using System.Text;

namespace Campaignc.Tests.Running;

/// <summary>
/// A project written for a test: three campaigns that overlap on the same contacts (an event entry, a date entry and a
/// daily entry) with mixed caps, send windows and quiet hours, an A/B subject and an SMS, over generated contacts in
/// zones with and without daylight saving, some without an address or a phone number, and their events. One campaign
/// ends with a stage of two sends under a tight cap and a final action, so a stage whose sends wait decides its finish
/// in run as in simulate.
/// </summary>
internal sealed record GeneratedProject(string Folder, string Config, string Contacts, string Events)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Zones =
        ["Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "UTC", "America/Los_Angeles"];

    private const string Footer = """<p><a href="{{unsubscribe_url}}">Unsubscribe</a></p>""";

    public static GeneratedProject Write(string folder, int contacts, int seed)
    {
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "campaignc.yaml"), """
            version: 1
            defaults:
              timezone: Europe/Amsterdam
              from: "Shop <hello@shop.example>"
            templates:
              folders: [templates]
            """);
        foreach (var name in new[] { "welcome", "tips", "nudge", "follow", "check" })
        {
            File.WriteAllText(Path.Combine(folder, "templates", name + ".hbs"),
                $"<html><body><p>Hi {{{{first_name}}}}, {name}.</p>{Footer}</body></html>\n");
        }

        File.WriteAllText(Path.Combine(folder, "greet.campaign"), """
            campaign greet "Greeting" {
              type welcome
              audience {
                where subscribed
                entry on created_at
                reentry never
              }
              policy {
                send_window 09:00..17:00
                cap 2 per 2d
              }
              stage hello {
                send email "templates/welcome.hbs" {
                  subject "Welcome, {{first_name}}" weight 50
                  subject "Good to have you" weight 50
                }
              }
              stage tips after 1d..2d {
                send email "templates/tips.hbs" subject "Three tips"
              }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "nudge.campaign"), """
            campaign nudge "Visit nudge" {
              type retention
              audience {
                where subscribed
                entry on visit
                reentry after 3d
              }
              policy {
                quiet_hours 22:00..08:00
                cap 1 per 1d
                finally suppress "no reply to the nudge"
              }
              stage nudge after 6h {
                send email "templates/nudge.hbs" subject "Still looking?"
              }
              stage follow after 20h..30h {
                send email "templates/follow.hbs" subject "A last look"
                send sms body "Shop: {{first_name}}, your picks are waiting. Reply STOP to opt out"
              }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "check.campaign"), """
            campaign check "Active check" {
              type retention
              audience {
                where subscribed and count(visit in 7d) >= 2
                entry daily
                reentry after 5d
              }
              policy {
                send_window 10:00..20:00
                quiet_hours 12:00..13:00
                cap 3 per 7d
              }
              stage check {
                send email "templates/check.hbs" subject "How are we doing?"
              }
            }
            """);

        var random = new Random(seed);
        var people = new StringBuilder("id,email,phone,first_name,timezone,subscribed,created_at\n");
        var events = new StringBuilder("contact_id,type,at,amount\n");
        for (var i = 1; i <= contacts; i++)
        {
            var id = "G" + i.ToString("D4", CultureInfo.InvariantCulture);
            var email = random.Next(12) == 0 ? "" : $"g{i}@example.com";
            var phone = random.Next(3) == 0 ? "" : "+3161" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            var created = Start.AddDays(-3).AddMinutes(random.Next(0, 17 * 24 * 60));
            people.Append(CultureInfo.InvariantCulture,
                $"{id},{email},{phone},Name{i},{Zones[random.Next(Zones.Length)]},{(random.Next(10) > 0 ? "true" : "false")},{Iso(created)}\n");
            var visits = random.Next(0, 9);
            for (var v = 0; v < visits; v++)
            {
                events.Append(CultureInfo.InvariantCulture, $"{id},visit,{Iso(Start.AddDays(-7).AddMinutes(random.Next(0, 21 * 24 * 60)))},\n");
            }
        }

        var contactsFile = Path.Combine(folder, "contacts.csv");
        var eventsFile = Path.Combine(folder, "events.csv");
        File.WriteAllText(contactsFile, people.ToString());
        File.WriteAllText(eventsFile, events.ToString());
        return new GeneratedProject(folder, Path.Combine(folder, "campaignc.yaml"), contactsFile, eventsFile);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
