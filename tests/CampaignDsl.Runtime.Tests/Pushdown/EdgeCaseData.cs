namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// Hand-made canonical data around the edges where SQL and the evaluator could part: missing attributes, no events,
/// empty amounts, far-apart time zones, events exactly on a window's edge or at the moment itself, sums that reach a
/// threshold exactly only in decimals, a creation date in the future, non-ASCII text, an attribute of the wrong kind.
/// Everything is relative to <see cref="Now"/>.
/// </summary>
internal static class EdgeCaseData
{
    public static readonly DateTimeOffset Now = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public const string Contacts = """
        id,email,first_name,timezone,subscribed,created_at,country,vip,lifetime_value,birthday,score
        E01,anna@example.com,Anna,Pacific/Kiritimati,true,2025-01-05T00:00:00Z,NL,true,500,2000-01-05,10
        E02,,,,,,,,,,
        E03,BOB@Example.COM,Bob,America/Los_Angeles,true,2026-01-04T23:59:59Z,US,false,499.99,1990-01-04,x
        E04,ÅSA@EXAMPLE.COM,Åsa,Europe/Amsterdam,false,2027-01-01T00:00:00Z,SE,,0,1985-02-28,
        E05,eve@example.com,Eve,Asia/Tokyo,true,2025-07-05T12:00:00Z,JP,false,-10,1970-01-01,3
        E06,finn@example.com,Finn,,yes,2024-02-29T00:00:00Z,,true,,2004-02-29,
        E07,gus@example.com,Gus,America/Los_Angeles,true,,US,,1000000.01,,
        E08,hal@example.com,Hal,Pacific/Kiritimati,1,2025-12-06T00:00:00Z,NL,false,250.5,2000-01-04,7
        """;

    public const string Events = """
        contact_id,type,at,amount
        E01,purchase,2026-01-05T00:00:00Z,10
        E01,purchase,2025-12-06T00:00:00Z,20
        E01,purchase,2025-12-06T00:00:00.001Z,30
        E01,email.open,2025-10-07T00:00:00Z,
        E01,purchase,2026-01-05T00:00:00.001Z,1000
        E03,purchase,2025-12-01T10:00:00Z,0.1
        E03,purchase,2025-12-02T10:00:00Z,0.2
        E03,purchase,2025-12-03T10:00:00Z,499.7
        E03,email.open,2026-01-04T23:59:59.999Z,
        E04,purchase,2025-11-06T00:00:00Z,
        E04,purchase,2025-11-07T00:00:00Z,
        E05,purchase,2024-07-05T00:00:00Z,120
        E05,purchase,2024-07-06T00:00:00Z,-120
        E05,email.click,2025-12-31T23:00:00Z,
        E06,email.open,2025-12-05T23:59:59.999Z,
        E06,email.open,2025-12-06T00:00:00Z,
        E07,purchase,2026-01-04T08:00:00Z,99.995
        E07,purchase,2026-01-04T08:00:00Z,0.005
        E08,purchase,2023-07-06T00:00:00Z,15
        E08,purchase,2024-07-05T23:59:59.999Z,25.25
        """;
}
