namespace CampaignDsl.Runtime.Data;

/// <summary>
/// Makes the ids of contacts and events comparable. Spreadsheets and pandas write integer ids as
/// float text (<c>17850.0</c>); such an id becomes <c>17850</c> on both sides, so an event still
/// finds its contact. Any other id is kept as written, trimmed.
/// </summary>
public static class ContactIds
{
    public static string Normalize(string id)
    {
        var trimmed = id.AsSpan().Trim();
        var dot = trimmed.IndexOf('.');
        if (dot > 0 && IsDigits(trimmed[..dot], allowSign: true) && trimmed[(dot + 1)..] is { Length: > 0 } fraction && IsZeros(fraction))
        {
            return trimmed[..dot].ToString();
        }

        return trimmed.Length == id.Length ? id : trimmed.ToString();
    }

    private static bool IsDigits(ReadOnlySpan<char> text, bool allowSign)
    {
        var start = allowSign && text.Length > 1 && text[0] == '-' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return text.Length > start;
    }

    private static bool IsZeros(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c != '0')
            {
                return false;
            }
        }

        return true;
    }
}
