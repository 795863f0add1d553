using System.Globalization;
using CampaignDsl.Runtime.Scheduling;
using Microsoft.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>
/// SQLite: what it lacks (time zones, Unicode case) is registered on the connection as functions that call the
/// same .NET code the in-memory evaluator uses (<see cref="LocalClock"/>, <c>ToLowerInvariant</c>), so both give
/// the same answer by construction.
/// </summary>
public sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public string Name => "sqlite";

    public string Parameter(int index) => "$p" + index.ToString(CultureInfo.InvariantCulture);

    // Without statistics SQLite may serve `contact_id = ? AND type = ?` from the index by type, reading every
    // event of the type once per contact.
    public string EventsOfContact => "events e INDEXED BY events_by_contact";

    public string InstantOfText(string text) => $"cdsl_instant_ms({text})";

    public string LocalDate(string milliseconds, string zone, string defaultZone) => $"cdsl_local_date({milliseconds}, {zone}, {defaultZone})";

    public string LocalMidnight(string localDate, string zone, string defaultZone) => $"cdsl_local_midnight({localDate}, {zone}, {defaultZone})";

    public string FloorDivide(string milliseconds, long unit) => $"cdsl_floor_div({milliseconds}, {unit.ToString(CultureInfo.InvariantCulture)})";

    public string Lower(string text) => $"cdsl_lower({text})";

    public string ContainsIgnoringCase(string haystack, string needle) => $"cdsl_contains({haystack}, {needle})";

    /// <summary>Registers the functions this dialect's SQL calls; idempotent.</summary>
    internal static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<string?, long?>("cdsl_instant_ms", InstantMilliseconds, isDeterministic: true);
        connection.CreateFunction<long?, string?, string?, string?>("cdsl_local_date", LocalDateOf, isDeterministic: true);
        connection.CreateFunction<string?, string?, string?, long?>("cdsl_local_midnight", LocalMidnightOf, isDeterministic: true);
        connection.CreateFunction<long?, long, long?>("cdsl_floor_div", (value, unit) => value is { } v ? (v >= 0 ? v / unit : -((-v + unit - 1) / unit)) : null, isDeterministic: true);
        connection.CreateFunction<string?, string?>("cdsl_lower", text => text?.ToLowerInvariant(), isDeterministic: true);
        connection.CreateFunction<string?, string?, long?>("cdsl_contains",
            (haystack, needle) => haystack is null || needle is null ? null : haystack.Contains(needle, StringComparison.OrdinalIgnoreCase) ? 1 : 0,
            isDeterministic: true);
    }

    private static TimeZoneInfo Zone(string? zone, string? defaultZone) =>
        LocalClock.FindZone(zone) ?? LocalClock.FindZone(defaultZone) ?? TimeZoneInfo.Utc;

    private static long? InstantMilliseconds(string? text) =>
        text is not null && DataValue.Parse(DataValueKind.Instant, text) is InstantValue instant ? instant.Value.ToUnixTimeMilliseconds() : null;

    private static string? LocalDateOf(long? milliseconds, string? zone, string? defaultZone) =>
        milliseconds is { } ms
            ? DateOnly.FromDateTime(LocalClock.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(ms), Zone(zone, defaultZone))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static long? LocalMidnightOf(string? date, string? zone, string? defaultZone) =>
        date is not null && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? LocalClock.ToUtc(day.ToDateTime(TimeOnly.MinValue), Zone(zone, defaultZone)).ToUnixTimeMilliseconds()
            : null;
}
