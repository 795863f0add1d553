using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>
/// What each stage of each campaign did on each UTC day of the run: a <see cref="StageTally"/> per
/// (campaign, stage, day) that saw any timeline row. Only days with activity are kept, so a long run
/// over a quiet audience stays small; its size is bounded by days × stages, never by contacts.
/// </summary>
public sealed class DailyTallies
{
    private readonly SortedDictionary<DateOnly, Dictionary<(string, string?), StageTally>> _days = [];

    /// <summary>The UTC days that saw any row, earliest first.</summary>
    public IReadOnlyCollection<DateOnly> Days => _days.Keys;

    /// <summary>The UTC day a row falls on.</summary>
    public static DateOnly DayOf(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return DateOnly.FromDateTime(entry.AtUtc.UtcDateTime);
    }

    public void Add(TimelineEntry entry)
    {
        var day = DayOf(entry);
        if (!_days.TryGetValue(day, out var stages))
        {
            _days[day] = stages = [];
        }

        if (!stages.TryGetValue((entry.Campaign, entry.Stage), out var tally))
        {
            stages[(entry.Campaign, entry.Stage)] = tally = new StageTally(entry.Campaign, entry.Stage);
        }

        tally.Add(entry);
    }

    /// <summary>What <paramref name="stage"/> of <paramref name="campaign"/> did on <paramref name="day"/>; null when it did nothing that day.</summary>
    public StageTally? Of(string campaign, string? stage, DateOnly day) =>
        _days.TryGetValue(day, out var stages) && stages.TryGetValue((campaign, stage), out var tally) ? tally : null;

    /// <summary>Everything that happened on <paramref name="day"/>, in no particular order.</summary>
    public IReadOnlyCollection<StageTally> On(DateOnly day) => _days.TryGetValue(day, out var stages) ? stages.Values : [];
}
