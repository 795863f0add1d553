using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>
/// The store's schema as a list of versioned steps (docs/runtime.md shows the result). Times are
/// Unix milliseconds in UTC; a custom attribute keeps its kind, its invariant text and, for numbers,
/// a number to compare in SQL; event properties are a JSON object whose value kinds
/// <c>event_fields</c> records per event type.
/// </summary>
internal static class StoreMigrations
{
    public static ImmutableArray<StoreMigration> All { get; } =
    [
        new(1, "contacts, attributes, events", """
            CREATE TABLE sources (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('contacts', 'events')),
                UNIQUE (path, kind)
            );
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                source_id INTEGER NOT NULL REFERENCES sources (id),
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                rows INTEGER NOT NULL DEFAULT 0,
                loaded INTEGER NOT NULL DEFAULT 0,
                repeated INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                bad INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE contacts (
                id TEXT NOT NULL PRIMARY KEY,
                email TEXT,
                phone TEXT,
                first_name TEXT,
                last_name TEXT,
                timezone TEXT,
                locale TEXT,
                subscribed INTEGER NOT NULL DEFAULT 0 CHECK (subscribed IN (0, 1)),
                created_at INTEGER,
                import_id INTEGER NOT NULL REFERENCES imports (id)
            ) WITHOUT ROWID;
            CREATE INDEX contacts_by_email ON contacts (email);
            CREATE TABLE contact_attributes (
                contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'boolean', 'date', 'instant')),
                value_text TEXT NOT NULL,
                value_number REAL,
                PRIMARY KEY (contact_id, name)
            ) WITHOUT ROWID;
            CREATE INDEX contact_attributes_by_text ON contact_attributes (name, value_text);
            CREATE INDEX contact_attributes_by_number ON contact_attributes (name, value_number) WHERE value_number IS NOT NULL;
            CREATE TABLE events (
                id INTEGER PRIMARY KEY,
                contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                at INTEGER NOT NULL,
                amount REAL,
                properties TEXT,
                source_id INTEGER NOT NULL REFERENCES sources (id)
            );
            CREATE INDEX events_by_contact ON events (contact_id, at);
            CREATE INDEX events_by_time ON events (at);
            CREATE INDEX events_by_type ON events (type, at);
            CREATE INDEX events_by_source ON events (source_id);
            CREATE TABLE event_fields (
                type TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'boolean', 'date', 'instant')),
                PRIMARY KEY (type, name)
            ) WITHOUT ROWID;
            """),
    ];

    public static int Latest => All[^1].Version;
}
