using System.Globalization;

namespace CampaignDsl.DataBench;

/// <summary>
/// Writes canonical contacts.csv and events.csv for a shop's email programme: made-up people (no
/// personal data: names from short lists, addresses at example.com), each with an engagement
/// profile (active, lapsing 30-120 days, dormant) that decides their opens, clicks, visits and
/// purchases over the year before <see cref="Now"/>. The same seed gives the same bytes; files are
/// written as they are generated, so a million contacts take no more memory than ten. Records go to a
/// <see cref="IGeneratedDataSink"/>: CSV files (<see cref="CsvDataSink"/>) or straight into a store
/// (<see cref="StoreDataSink"/>, for benchmarks that need millions of events quickly).
/// </summary>
/// <param name="eventsPerContact">About how many events each contact has (active contacts a few more, others a few fewer).</param>
internal sealed class ContactDataGenerator(int seed, int eventsPerContact = 10)
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
        using var sink = new CsvDataSink(folder);
        return Write(sink, contacts);
    }

    public (long Contacts, long Events) Write(IGeneratedDataSink sink, int contacts)
    {
        var random = new Random(seed);
        long events = 0;
        var idFormat = "C{0:D" + Math.Max(7, contacts.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture) + "}";
        for (var i = 1; i <= contacts; i++)
        {
            var id = string.Format(CultureInfo.InvariantCulture, idFormat, i);
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
            var activity = profile == Profile.Active ? eventsPerContact + random.Next(6) : Math.Max(1, eventsPerContact - 5 + random.Next(6));
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
                if (roll < 0.55 || n == 0)
                {
                    sink.Event(new GeneratedEvent(id, "email.open", at, null, "newsletter", null, null));
                }
                else if (roll < 0.7)
                {
                    sink.Event(new GeneratedEvent(id, "email.click", at, null, "newsletter", null, null));
                }
                else if (roll < 0.85)
                {
                    sink.Event(new GeneratedEvent(id, "visit", at, null, null, null, null));
                }
                else
                {
                    var amount = Math.Round((decimal)(15 + random.NextDouble() * 120), 2);
                    spent += amount;
                    orders++;
                    sink.Event(new GeneratedEvent(id, "purchase", at, amount, null, $"{id}-{orders.ToString(CultureInfo.InvariantCulture)}",
                        Categories[random.Next(Categories.Length)]));
                }

                events++;
            }

            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var subscribed = random.NextDouble() < 0.92;
            sink.Contact(new GeneratedContact(id, $"contact{i.ToString(CultureInfo.InvariantCulture)}@example.com", first, last, place.Zone, place.Locale,
                subscribed, created, place.Country, spent > 300, spent));
        }

        return (contacts, events);
    }

    private enum Profile
    {
        Active,
        Lapsing,
        Dormant,
    }
}
