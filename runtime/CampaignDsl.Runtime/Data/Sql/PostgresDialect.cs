using System.Globalization;

namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>
/// PostgreSQL: the store's <c>cdsl_*</c> SQL functions (created by its migrations) stand in for the .NET functions
/// <see cref="SqliteDialect"/> registers: local dates with <c>AT TIME ZONE</c> and IANA ids, local midnight with
/// LocalClock's rule for repeated hours, Unicode case with ICU. Numbers are doubles (<c>REAL</c> is single precision
/// here), <c>round</c> goes through <c>numeric</c>, and text values compare in the <c>"C"</c> collation, ordinally,
/// as the evaluator compares strings.
/// </summary>
public sealed class PostgresDialect : ISqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public string Name => "postgres";

    public string Parameter(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    public string EventsOfContact => "events e";

    public string InstantOfText(string text) => $"cdsl_instant_ms({text})";

    public string LocalDate(string milliseconds, string zone, string defaultZone) => $"(cdsl_local_date({milliseconds}, {zone}, {defaultZone}) COLLATE \"C\")";

    public string LocalMidnight(string localDate, string zone, string defaultZone) => $"cdsl_local_midnight({localDate}, {zone}, {defaultZone})";

    public string FloorDivide(string milliseconds, long unit) => $"cdsl_floor_div({milliseconds}, {unit.ToString(CultureInfo.InvariantCulture)})";

    public string Lower(string text) => $"(cdsl_lower({text}) COLLATE \"C\")";

    public string ContainsIgnoringCase(string haystack, string needle) => $"cdsl_contains({haystack}, {needle})";

    public string Text(string placeholder) => $"({placeholder}::TEXT COLLATE \"C\")";

    public string ToDouble(string number) => $"CAST({number} AS DOUBLE PRECISION)";

    public string ToInteger(string number) => $"CAST({number} AS BIGINT)";

    public string Round(string number, int digits) => $"round(CAST({number} AS NUMERIC), {digits.ToString(CultureInfo.InvariantCulture)})::DOUBLE PRECISION";
}
