using System.Globalization;
using System.Text;

namespace CampaignDsl.DataBench;

/// <summary>
/// Writes canonical contacts.csv and events.csv for a shop's email programme: made-up people (no
/// personal data: names from short lists, addresses at example.com), each with an engagement
/// profile (active, lapsing 30-120 days, dormant) that decides their opens, clicks, visits and
/// purchases over the year before <see cref="Now"/>. The same seed gives the same bytes; files are
/// written as they are generated, so a million contacts take no more memory than ten.
/// </summary>
internal sealed class ContactDataGenerator(int seed)
{
    /// <summary>The day the data ends; a simulation of the examples starts here.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames = ["Anna", "Ben", "Chloe", "Daan", "Emma", "Finn", "Grace", "Hugo", "Isla", "Jonas", "Lena", "Milan", "Noah", "Olivia", "Pim", "Sara", "Tom", "Yara"];
    private static readonly string[] LastNames = ["Bakker", "Smith", "Jansen", "Brown", "Visser", "Meyer", "Taylor", "Mulder", "Wilson", "Schulz", "de Boer", "Evans"];
    private static readonly (string Zone, string Locale, string Country)[] Places =
    [
        ("Europe/Amsterdam", "nl-NL", "NL"), ("Europe/Amsterdam", "nl-NL", "NL"), ("Europe/Brussels", "nl-BE", "BE"), ("Europe/Berlin", "de-DE", "DE"),
        ("Europe/London", "en-GB", "GB"), ("America/New_York", "en-US", "US"), ("America/Los_Angeles", "en-US", "US"),
    ];

    private static readonly string[] Categories = ["dresses", "shoes", "bags", "jewellery", "knitwear"];

    public (long Contacts, long Events) Write(string folder, int contacts)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        long events = 0;
        using var contactsFile = Writer(Path.Combine(folder, "contacts.csv"));
        using var eventsFile = Writer(Path.Combine(folder, "events.csv"));
        contactsFile.Write("id,email,first_name,last_name,timezone,locale,subscribed,created_at,country,vip,lifetime_value\n");
        eventsFile.Write("contact_id,type,at,amount,campaign,order_id,category\n");
        var line = new StringBuilder(160);
        for (var i = 1; i <= contacts; i++)
        {
            var id = $"C{i:D7}";
            var place = Places[random.Next(Places.Length)];
            var created = Now.AddDays(-random.Next(60, 3 * 365)).AddMinutes(random.Next(24 * 60));
            var profile = random.NextDouble() switch { < 0.4 => Profile.Active, < 0.75 => Profile.Lapsing, _ => Profile.Dormant };
            var lastActive = profile switch
            {
                Profile.Active => Now.AddDays(-random.Next(0, 25)),
                Profile.Lapsing => Now.AddDays(-random.Next(30, 121)),
                _ => Now.AddDays(-random.Next(121, 400)),
            };
            if (lastActive < created)
            {
                lastActive = created.AddDays(1);
            }

            decimal spent = 0;
            var orders = 0;
            var days = Math.Max(1, (int)(lastActive - created).TotalDays);
            var activity = profile == Profile.Active ? 10 + random.Next(6) : 5 + random.Next(6);
            var openHour = 7 + random.Next(14);
            for (var n = 0; n < activity; n++)
            {
                // The last event is at lastActive, the others before it: the profile's recency holds exactly.
                var at = n == 0 ? lastActive : lastActive.AddDays(-random.Next(0, Math.Min(days, 365))).AddMinutes(random.Next(-90, 90));
                at = new DateTimeOffset(at.Year, at.Month, at.Day, openHour, random.Next(60), random.Next(60), TimeSpan.Zero);
                if (at > Now.AddMinutes(-1) || at < created)
                {
                    at = lastActive;
                }

                var roll = random.NextDouble();
                line.Clear().Append(id).Append(',');
                if (roll < 0.55 || n == 0)
                {
                    line.Append("email.open,").Append(Time(at)).Append(",,newsletter,,");
                }
                else if (roll < 0.7)
                {
                    line.Append("email.click,").Append(Time(at)).Append(",,newsletter,,");
                }
                else if (roll < 0.85)
                {
                    line.Append("visit,").Append(Time(at)).Append(",,,,");
                }
                else
                {
                    var amount = Math.Round((decimal)(15 + random.NextDouble() * 120), 2);
                    spent += amount;
                    orders++;
                    line.Append("purchase,").Append(Time(at)).Append(',').Append(amount.ToString(CultureInfo.InvariantCulture))
                        .Append(",,").Append(id).Append('-').Append(orders).Append(',').Append(Categories[random.Next(Categories.Length)]);
                }

                eventsFile.Write(line.Append('\n'));
                events++;
            }

            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var subscribed = random.NextDouble() < 0.92;
            line.Clear().Append(id).Append(",contact").Append(i).Append("@example.com,").Append(first).Append(',').Append(last).Append(',')
                .Append(place.Zone).Append(',').Append(place.Locale).Append(',').Append(subscribed ? "true" : "false").Append(',')
                .Append(Time(created)).Append(',').Append(place.Country).Append(',').Append(spent > 300 ? "true" : "false").Append(',')
                .Append(spent.ToString(CultureInfo.InvariantCulture)).Append('\n');
            contactsFile.Write(line);
        }

        return (contacts, events);
    }

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private enum Profile
    {
        Active,
        Lapsing,
        Dormant,
    }
}
