using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Memory;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Tests.Data;

/// <summary>The SQLite store: migrations, a faithful round trip, imports that account for every row, and the same answers as memory.</summary>
public sealed class ContactStoreTests
{
    private static readonly Contact Anna = new("1", "anna@shop.example", "+31600000000", "Anna", "de Vries", "Europe/Amsterdam", "nl-NL", true,
        new DateTimeOffset(2023, 5, 1, 8, 0, 0, TimeSpan.Zero))
    {
        Attributes = DataValues.None
            .Add("vip", DataValue.Boolean(true))
            .Add("lifetime_value", DataValue.Number(1234.56m))
            .Add("birthday", DataValue.Date(new DateOnly(1990, 2, 28)))
            .Add("last_seen", DataValue.Instant(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)))
            .Add("style", DataValue.Text("chic")),
    };

    private static readonly Contact Bob = new("2");

    private static readonly ContactEvent[] Events =
    [
        new("2", "email.open", new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero)) { Properties = DataValues.None.Add("campaign", DataValue.Text("we_miss_you")) },
        new("1", "purchase", new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), 19.99m)
        {
            Properties = DataValues.None.Add("order_id", DataValue.Text("A1")).Add("quantity", DataValue.Number(2)).Add("gift", DataValue.Boolean(false)),
        },
        new("1", "purchase", new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), -5.10m),
        new("2", "visit", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    [Fact]
    public async Task Migrations_are_applied_once_however_often_the_store_is_opened()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("store.db");
        for (var i = 0; i < 3; i++)
        {
            await using var store = await ContactStore.OpenAsync(path);
            Assert.Equal([1], await store.AppliedMigrationsAsync());
        }
    }

    [Fact]
    public async Task A_store_from_a_newer_campaignc_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("store.db");
        await using (var store = await ContactStore.OpenAsync(path))
        {
        }

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES (99, 'future', 0)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<DataSourceException>(() => ContactStore.OpenAsync(path));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_and_events_come_back_as_written_and_in_the_same_order_as_memory()
    {
        using var folder = new TempFolder();
        await using var store = await ContactStore.OpenAsync(folder.Combine("store.db"));
        await using (var import = await store.BeginImportAsync())
        {
            await import.BeginFileAsync("contacts", RecordKind.Contacts);
            Assert.Equal(StoreWrite.Stored, import.Write(Bob));
            Assert.Equal(StoreWrite.Stored, import.Write(Anna));
            Assert.Equal(StoreWrite.Repeated, import.Write(Anna with { Email = "other@shop.example" }));
            await import.BeginFileAsync("events", RecordKind.Events);
            foreach (var e in Events)
            {
                Assert.Equal(StoreWrite.Stored, import.Write(e));
            }

            Assert.Equal(StoreWrite.UnknownContact, import.Write(new ContactEvent("404", "visit", DateTimeOffset.UnixEpoch)));
            await import.CommitAsync();
        }

        var sqlite = store.AsSource();
        var memory = new MemoryContactSource([Anna, Bob], Events);
        var contacts = await ToList(sqlite.ReadContactsAsync());
        Assert.Equal(await ToList(memory.ReadContactsAsync()), contacts, ContactComparer.Instance);
        Assert.Equal("anna@shop.example", contacts[0].Email);

        EventQuery[] queries =
        [
            EventQuery.All,
            EventQuery.All with { Order = EventOrder.ByContact },
            EventQuery.ForContact("1"),
            EventQuery.All with { Types = ["purchase", "visit"], From = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), Until = new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero) },
        ];
        foreach (var query in queries)
        {
            Assert.Equal(await ToList(memory.ReadEventsAsync(query)), await ToList(sqlite.ReadEventsAsync(query)), EventComparer.Instance);
        }
    }

    [Fact]
    public async Task Import_counts_every_row_reports_bad_ones_with_lines_and_strict_imports_nothing()
    {
        using var folder = new TempFolder();
        var contacts = folder.Write("contacts.csv", "id,email\n1,a@x.example\n2,b@x.example\n1,again@x.example\n,nobody@x.example\n");
        var events = folder.Write("events.csv", "contact_id,type,at\n1,visit,2024-01-01\n9,visit,2024-01-01\n2,visit,someday\n");
        ImportFile[] files = [new(events, "events.csv", RecordKind.Events), new(contacts, "contacts.csv", RecordKind.Contacts)];

        await using (var store = await ContactStore.OpenAsync(folder.Combine("strict.db")))
        {
            var strict = await DataImporter.RunAsync(store, files, DataMapping.None, DataSchema.Default, new DataProblemLog(), strict: true);
            Assert.False(strict.Committed);
            Assert.Equal(("contacts.csv", 5), (strict.StoppedAt!.Path, strict.StoppedAt.Line));
            Assert.Equal((0L, 0L), await store.CountAsync());
        }

        await using (var store = await ContactStore.OpenAsync(folder.Combine("store.db")))
        {
            var problems = new DataProblemLog();
            var result = await DataImporter.RunAsync(store, files, DataMapping.None, DataSchema.Default, problems);
            Assert.True(result.Committed);
            var (c, e) = (result.Files[0], result.Files[1]);
            Assert.Equal((4L, 2L, 1L, 1L), (c.Rows, c.Loaded, c.Repeated, c.Bad));
            Assert.Equal((3L, 1L, 2L), (e.Rows, e.Loaded, e.Bad));
            Assert.Equal([("contacts.csv", 5), ("events.csv", 3), ("events.csv", 4)], problems.Kept.Select(p => (p.Path, p.Line)));
            Assert.Equal((2L, 1L), await store.CountAsync());
        }
    }

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class ContactComparer : IEqualityComparer<Contact>
    {
        public static readonly ContactComparer Instance = new();

        public bool Equals(Contact? x, Contact? y) =>
            x is not null && y is not null && x with { Attributes = DataValues.None } == y with { Attributes = DataValues.None }
            && x.Attributes.SequenceEqual(y.Attributes);

        public int GetHashCode(Contact obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class EventComparer : IEqualityComparer<ContactEvent>
    {
        public static readonly EventComparer Instance = new();

        public bool Equals(ContactEvent? x, ContactEvent? y) =>
            x is not null && y is not null && x with { Properties = DataValues.None } == y with { Properties = DataValues.None }
            && x.Properties.SequenceEqual(y.Properties);

        public int GetHashCode(ContactEvent obj) => obj.ContactId.GetHashCode(StringComparison.Ordinal);
    }
}
