using System.Globalization;

namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>How values are written to and read from the store's columns.</summary>
internal static class StoreKinds
{
    public static string Name(DataValueKind kind) => kind switch
    {
        DataValueKind.Text => "text",
        DataValueKind.Number => "number",
        DataValueKind.Boolean => "boolean",
        DataValueKind.Date => "date",
        _ => "instant",
    };

    public static DataValueKind Parse(string name) => name switch
    {
        "number" => DataValueKind.Number,
        "boolean" => DataValueKind.Boolean,
        "date" => DataValueKind.Date,
        "instant" => DataValueKind.Instant,
        _ => DataValueKind.Text,
    };

    public static long ToUnixMilliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    /// <summary>A stored double back as the decimal it was written from (15 significant digits, exact for money).</summary>
    public static decimal ToDecimal(double value)
    {
        // Formatted into a stack buffer rather than a string: a simulation reads millions of amounts.
        Span<char> text = stackalloc char[32];
        return value.TryFormat(text, out var written, "G15", CultureInfo.InvariantCulture)
            ? decimal.Parse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture)
            : decimal.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
