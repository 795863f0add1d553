using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// Every message one contact was sent, across all the campaigns simulated together, so that a campaign's
/// <c>cap N per P</c> counts the others' sends too.
/// </summary>
public sealed class FrequencyLedger
{
    private readonly List<DateTimeOffset> _sent = [];

    public IReadOnlyList<DateTimeOffset> Sent => _sent;

    public void Record(DateTimeOffset at)
    {
        var index = _sent.BinarySearch(at);
        _sent.Insert(index < 0 ? ~index : index, at);
    }

    /// <summary>
    /// The first instant at or after <paramref name="due"/> at which one more send keeps the messages in the
    /// period before it under the cap's count; <paramref name="due"/> itself without a cap. The scheduler books
    /// sends in time order, so only earlier sends can stand in the way.
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset due, PlanCap? cap)
    {
        if (cap is null || cap.Count <= 0)
        {
            return due;
        }

        var period = TimeSpan.FromSeconds(cap.PeriodSeconds);
        var candidate = due;
        while (true)
        {
            var recent = _sent.Where(s => s > candidate - period && s <= candidate).ToList();
            if (recent.Count < cap.Count)
            {
                return candidate;
            }

            // The send that must age out of the period first: the count-th most recent.
            candidate = recent[^cap.Count] + period;
        }
    }
}
