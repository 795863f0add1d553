using System.Collections.Immutable;

namespace CampaignDsl.Runtime.State;

/// <summary>One step of the run state's schema, applied once, in order, in its own transaction. Never edit one that shipped: add the next.</summary>
internal sealed record StateMigration(int Version, string Name, string Sql);

/// <summary>
/// The run state's schema (docs/runtime.md, "The run state"), written once for SQLite and PostgreSQL alike:
/// times are Unix milliseconds in UTC (<c>BIGINT</c>), flags are <c>0/1</c>, and the one difference, the
/// append-only audit log's generated id, comes from the dialect (<c>{AUTO_ID}</c>).
/// </summary>
internal static class StateMigrations
{
    public static ImmutableArray<StateMigration> All { get; } =
    [
        new(1, "campaigns, sends (the outbox), suppressions, profile updates, audit", """
            CREATE TABLE campaigns (
                campaign TEXT NOT NULL PRIMARY KEY,
                started_at BIGINT NOT NULL,
                plan_version TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE TABLE plan_versions (
                campaign TEXT NOT NULL,
                plan_version TEXT NOT NULL,
                first_applied_at BIGINT NOT NULL,
                source TEXT NOT NULL,
                stages TEXT NOT NULL,
                PRIMARY KEY (campaign, plan_version)
            );
            CREATE TABLE sends (
                idempotency_key TEXT NOT NULL PRIMARY KEY,
                campaign TEXT NOT NULL,
                plan_version TEXT NOT NULL,
                stage TEXT NOT NULL,
                send_id TEXT NOT NULL,
                contact_id TEXT NOT NULL,
                occurrence INTEGER NOT NULL,
                channel TEXT NOT NULL,
                variant TEXT,
                subject_variant TEXT,
                incentive_code TEXT,
                due_at BIGINT NOT NULL,
                sender TEXT NOT NULL,
                sender_address TEXT,
                recipient TEXT,
                subject TEXT,
                body_html TEXT,
                body_text TEXT,
                unsubscribe_url TEXT,
                headers TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed', 'suppressed', 'cancelled')),
                attempts INTEGER NOT NULL DEFAULT 0,
                retry_at BIGINT,
                claimed_by TEXT,
                lease_until BIGINT,
                provider_id TEXT,
                last_error TEXT,
                planned_at BIGINT NOT NULL,
                finished_at BIGINT,
                UNIQUE (campaign, stage, send_id, contact_id, occurrence)
            );
            CREATE INDEX sends_due ON sends (status, due_at);
            CREATE INDEX sends_by_contact ON sends (contact_id);
            CREATE TABLE suppressions (
                kind TEXT NOT NULL CHECK (kind IN ('contact', 'email', 'phone')),
                value TEXT NOT NULL,
                reason TEXT NOT NULL,
                source TEXT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (kind, value)
            );
            CREATE TABLE profile_updates (
                contact_id TEXT NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                at BIGINT NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (contact_id, name)
            );
            CREATE TABLE audit (
                id {AUTO_ID},
                decision_key TEXT NOT NULL UNIQUE,
                at BIGINT NOT NULL,
                recorded_at BIGINT NOT NULL,
                campaign TEXT,
                contact_id TEXT,
                stage TEXT,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL,
                worker TEXT NOT NULL
            );
            CREATE INDEX audit_by_contact ON audit (contact_id, at);
            """),
        new(2, "journeys: each contact's place in the campaigns, what is due when, entry chances waiting, enrolments, tick cursors", """
            CREATE TABLE journeys (
                contact_id TEXT NOT NULL PRIMARY KEY,
                state TEXT NOT NULL,
                next_due BIGINT,
                passed_tick TEXT,
                claimed_by TEXT,
                lease_until BIGINT,
                updated_at BIGINT NOT NULL
            );
            CREATE INDEX journeys_due ON journeys (next_due);
            CREATE TABLE journey_chances (
                contact_id TEXT NOT NULL,
                campaign TEXT NOT NULL,
                at BIGINT NOT NULL,
                ordinal INTEGER NOT NULL,
                event_type TEXT,
                PRIMARY KEY (contact_id, campaign, at, ordinal)
            );
            CREATE INDEX journey_chances_due ON journey_chances (at);
            CREATE TABLE enrolments (
                campaign TEXT NOT NULL,
                contact_id TEXT NOT NULL,
                number INTEGER NOT NULL,
                plan_version TEXT NOT NULL,
                entered_at BIGINT NOT NULL,
                control INTEGER NOT NULL CHECK (control IN (0, 1)),
                stage TEXT,
                status TEXT NOT NULL CHECK (status IN ('active', 'finished')),
                next_due BIGINT,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (campaign, contact_id, number)
            );
            CREATE INDEX enrolments_by_stage ON enrolments (campaign, status, stage);
            CREATE TABLE tick_cursors (
                name TEXT NOT NULL PRIMARY KEY,
                value BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            """),
    ];

    public static int Latest => All[^1].Version;
}
