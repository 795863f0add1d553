using System.Globalization;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// A stretch of the day in the contact's time zone, written <c>09:00-20:00</c>. It may run past
/// midnight (<c>21:00-08:00</c>, typical of quiet hours); start and end may not be the same.
/// </summary>
public readonly record struct DailyWindow(TimeOnly Start, TimeOnly End)
{
    public bool CrossesMidnight => End < Start;

    public bool Contains(TimeOnly time) => CrossesMidnight ? time >= Start || time < End : time >= Start && time < End;

    /// <summary>Reads <c>HH:MM-HH:MM</c> (spaces around the dash allowed, 24-hour clock).</summary>
    public static bool TryParse(string text, out DailyWindow window)
    {
        window = default;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end) || start == end)
        {
            return false;
        }

        window = new DailyWindow(start, end);
        return true;
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
