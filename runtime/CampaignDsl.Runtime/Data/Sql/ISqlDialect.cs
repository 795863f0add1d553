namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>
/// The few places where SQL dialects differ for pushed-down conditions: parameter names, reading an instant
/// written as ISO text, local dates in a contact's time zone, case-insensitive text. Everything else the
/// translator writes is standard SQL (<c>CASE</c>, <c>COALESCE</c>, <c>IS TRUE</c>, correlated subqueries),
/// so a PostgreSQL dialect is one more implementation of this interface.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The dialect's name, as <c>runtime.data.kind</c> writes it (<c>sqlite</c>, <c>postgres</c>).</summary>
    string Name { get; }

    /// <summary>The placeholder of the parameter numbered <paramref name="index"/> (<c>$p0</c>, <c>@p0</c>).</summary>
    string Parameter(int index);

    /// <summary>
    /// The events table aliased <c>e</c>, as a correlated subquery of one contact's events should read it. Planners
    /// that cannot tell a contact's few events from a type's many are pointed at the index by contact.
    /// </summary>
    string EventsOfContact { get; }

    /// <summary>Unix milliseconds (UTC) of an instant stored as invariant ISO 8601 text; NULL for NULL.</summary>
    string InstantOfText(string text);

    /// <summary>
    /// The <c>yyyy-MM-dd</c> local date of <paramref name="milliseconds"/> in the IANA zone <paramref name="zone"/>,
    /// or in <paramref name="defaultZone"/> when <paramref name="zone"/> is NULL or unknown.
    /// </summary>
    string LocalDate(string milliseconds, string zone, string defaultZone);

    /// <summary>Unix milliseconds of local midnight starting the <c>yyyy-MM-dd</c> date <paramref name="localDate"/> in the zone (as <see cref="LocalDate"/>).</summary>
    string LocalMidnight(string localDate, string zone, string defaultZone);

    /// <summary>The whole number of <paramref name="unit"/>s in <paramref name="milliseconds"/>, rounded down (towards minus infinity, as <c>Math.Floor</c>); NULL for NULL.</summary>
    string FloorDivide(string milliseconds, long unit);

    /// <summary>Text in lower case the way .NET's <c>ToLowerInvariant</c> does it.</summary>
    string Lower(string text);

    /// <summary>1 when <paramref name="haystack"/> contains <paramref name="needle"/> ignoring case (ordinal), else 0; NULL when either is.</summary>
    string ContainsIgnoringCase(string haystack, string needle);

    /// <summary>A text parameter as it should compare: ordinally, as the evaluator compares strings.</summary>
    string Text(string placeholder) => placeholder;

    /// <summary><paramref name="number"/> as a double-precision number, for division.</summary>
    string ToDouble(string number) => $"CAST({number} AS REAL)";

    /// <summary>A whole <paramref name="number"/> as a 64-bit integer, for milliseconds computed in doubles.</summary>
    string ToInteger(string number) => $"CAST({number} AS INTEGER)";

    /// <summary><paramref name="number"/> rounded to <paramref name="digits"/> decimal places, as a double.</summary>
    string Round(string number, int digits) => $"round({number}, {digits.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
