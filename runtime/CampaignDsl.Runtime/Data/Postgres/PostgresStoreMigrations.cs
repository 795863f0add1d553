using System.Collections.Immutable;
using CampaignDsl.Runtime.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Postgres;

/// <summary>
/// The PostgreSQL store's schema as versioned steps: the SQLite store's logical model (times in Unix milliseconds,
/// typed attributes, JSON properties as <c>jsonb</c>) with every text key in the <c>"C"</c> collation, so that
/// contacts come back in ordinal id order whatever the database's locale. The <c>cdsl_*</c> functions are what
/// <see cref="Sql.PostgresDialect"/> calls, written to give the in-memory evaluator's answers (time zones, DST, case).
/// </summary>
internal static class PostgresStoreMigrations
{
    public static ImmutableArray<StoreMigration> All { get; } =
    [
        new(1, "contacts, attributes, events", """
            CREATE TABLE sources (
                id BIGSERIAL PRIMARY KEY,
                path TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('contacts', 'events')),
                UNIQUE (path, kind)
            );
            CREATE TABLE imports (
                id BIGSERIAL PRIMARY KEY,
                source_id BIGINT NOT NULL REFERENCES sources (id),
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                rows BIGINT NOT NULL DEFAULT 0,
                loaded BIGINT NOT NULL DEFAULT 0,
                repeated BIGINT NOT NULL DEFAULT 0,
                skipped BIGINT NOT NULL DEFAULT 0,
                bad BIGINT NOT NULL DEFAULT 0
            );
            CREATE TABLE contacts (
                id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                email TEXT COLLATE "C",
                phone TEXT COLLATE "C",
                first_name TEXT COLLATE "C",
                last_name TEXT COLLATE "C",
                timezone TEXT COLLATE "C",
                locale TEXT COLLATE "C",
                subscribed SMALLINT NOT NULL DEFAULT 0 CHECK (subscribed IN (0, 1)),
                created_at BIGINT,
                import_id BIGINT NOT NULL REFERENCES imports (id)
            );
            CREATE INDEX contacts_by_email ON contacts (email);
            CREATE TABLE contact_attributes (
                contact_id TEXT COLLATE "C" NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                name TEXT COLLATE "C" NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'boolean', 'date', 'instant')),
                value_text TEXT COLLATE "C" NOT NULL,
                value_number DOUBLE PRECISION,
                PRIMARY KEY (contact_id, name)
            );
            CREATE INDEX contact_attributes_by_text ON contact_attributes (name, value_text);
            CREATE INDEX contact_attributes_by_number ON contact_attributes (name, value_number) WHERE value_number IS NOT NULL;
            CREATE TABLE events (
                id BIGSERIAL PRIMARY KEY,
                contact_id TEXT COLLATE "C" NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                type TEXT COLLATE "C" NOT NULL,
                at BIGINT NOT NULL,
                amount DOUBLE PRECISION,
                properties JSONB,
                source_id BIGINT NOT NULL REFERENCES sources (id)
            );
            CREATE INDEX events_by_contact ON events (contact_id, at);
            CREATE INDEX events_by_time ON events (at);
            CREATE INDEX events_by_type ON events (type, at);
            CREATE INDEX events_by_source ON events (source_id);
            CREATE TABLE event_fields (
                type TEXT COLLATE "C" NOT NULL,
                name TEXT COLLATE "C" NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'boolean', 'date', 'instant')),
                PRIMARY KEY (type, name)
            );
            """),
        new(2, "time zones and the functions of pushed-down conditions", """
            -- The IANA zones both PostgreSQL and .NET know, by lower-case id (both look ids up ignoring case);
            -- filled on open. A zone missing here is unknown, as LocalClock.FindZone says.
            CREATE TABLE time_zones (
                key TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                name TEXT NOT NULL
            );
            CREATE FUNCTION cdsl_zone(zone TEXT, default_zone TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
                SELECT COALESCE(
                    (SELECT z.name FROM time_zones z WHERE z.key = lower(zone)),
                    (SELECT z.name FROM time_zones z WHERE z.key = lower(default_zone)),
                    'UTC')
            $$;
            CREATE FUNCTION cdsl_local_date(ms BIGINT, zone TEXT, default_zone TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
                SELECT to_char((TIMESTAMPTZ 'epoch' + ms * INTERVAL '1 millisecond') AT TIME ZONE cdsl_zone(zone, default_zone), 'YYYY-MM-DD')
            $$;
            -- LocalClock.ToUtc: a skipped local time takes the offset before the gap (as PostgreSQL does), a repeated one
            -- means its first occurrence (PostgreSQL would take the second).
            CREATE FUNCTION cdsl_local_midnight(local_date TEXT, zone TEXT, default_zone TEXT) RETURNS BIGINT LANGUAGE plpgsql STABLE AS $$
            DECLARE
                z TEXT;
                local_time TIMESTAMP;
                earlier TIMESTAMP;
                utc TIMESTAMPTZ;
                first_occurrence TIMESTAMPTZ;
            BEGIN
                IF local_date IS NULL OR local_date !~ '^\d{4}-\d{2}-\d{2}$' THEN
                    RETURN NULL;
                END IF;
                z := cdsl_zone(zone, default_zone);
                local_time := local_date::DATE::TIMESTAMP;
                utc := local_time AT TIME ZONE z;
                earlier := local_time - INTERVAL '3 hours';
                first_occurrence := (local_time - (earlier - ((earlier AT TIME ZONE z) AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC';
                IF (first_occurrence AT TIME ZONE z) = local_time AND first_occurrence < utc THEN
                    utc := first_occurrence;
                END IF;
                RETURN floor(extract(epoch FROM utc) * 1000)::BIGINT;
            END
            $$;
            -- Truncated to the millisecond as text first: a cast would round a 7th fractional digit.
            CREATE FUNCTION cdsl_instant_ms(value TEXT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
                SELECT floor(extract(epoch FROM regexp_replace(value, '(\.\d{3})\d+', '\1')::TIMESTAMPTZ) * 1000)::BIGINT
            $$;
            CREATE FUNCTION cdsl_floor_div(value NUMERIC, unit BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
                SELECT floor(value / unit)::BIGINT
            $$;
            DO $do$
            DECLARE
                unicode TEXT := CASE WHEN EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN ' COLLATE "und-x-icu"' ELSE '' END;
            BEGIN
                EXECUTE format($f$CREATE FUNCTION cdsl_lower(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT lower(value%s) COLLATE "C" $$$f$, unicode);
                EXECUTE format($f$CREATE FUNCTION cdsl_contains(haystack TEXT, needle TEXT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE WHEN haystack IS NULL OR needle IS NULL THEN NULL WHEN strpos(upper(haystack%1$s), upper(needle%1$s)) > 0 THEN 1 ELSE 0 END $$$f$, unicode);
            END
            $do$;
            """),
    ];

    public static int Latest => All[^1].Version;
}
