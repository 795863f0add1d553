namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// The population <c>rfm.*</c> ranks a contact within (docs/runtime.md, "RFM"): every contact who had bought by the
/// start of the run, with their purchases up to then, and the contact being scored, with its purchases up to the
/// moment it is scored (in place of its own entry from the start). It is never empty while someone is scored, and
/// it costs one pass over the data before the run: contacts' later purchases are not looked at again.
/// </summary>
public sealed class RfmPopulation
{
    private readonly List<DateTimeOffset> _lastPurchases = [];
    private readonly List<int> _purchases = [];
    private readonly List<decimal> _spend = [];
    private readonly Lock _sorting = new();
    private volatile bool _sorted;

    /// <param name="measuredAt">When the population's purchases were counted: the start of the run.</param>
    public RfmPopulation(DateTimeOffset measuredAt) => MeasuredAt = measuredAt;

    /// <summary>Nobody measured: a buyer ranks within itself alone.</summary>
    public static RfmPopulation Empty { get; } = new(DateTimeOffset.MinValue);

    public DateTimeOffset MeasuredAt { get; }

    /// <summary>The contacts measured, buyers only.</summary>
    public int Count => _purchases.Count;

    /// <summary>Adds a contact measured at <see cref="MeasuredAt"/>; one who had not bought by then is not in the population.</summary>
    public void Add(RfmMeasures measures)
    {
        if (measures.LastPurchase is not { } last)
        {
            return;
        }

        _lastPurchases.Add(last);
        _purchases.Add(measures.Purchases);
        _spend.Add(measures.Spend);
        _sorted = false;
    }

    /// <summary>The contact's score (1-5, 5 best) in <paramref name="dimension"/> at <paramref name="now"/>; 1 for a contact who never bought.</summary>
    public int Score(string dimension, ContactHistory history, DateTimeOffset now)
    {
        var current = RfmMeasures.Of(history, now);
        var counted = MeasuredAt <= now && RfmMeasures.Of(history, MeasuredAt) is { LastPurchase: not null } before ? before : null;
        return Score(dimension, current, counted, now);
    }

    /// <summary>
    /// The score of a contact with <paramref name="current"/> measures at <paramref name="now"/>, whose own entry in the
    /// population (<paramref name="counted"/>, null if it had not bought by the start) it replaces. The contacts are put
    /// in order, worst first; the score is the fifth of that order the contact's place falls in, counting 1 to N:
    /// <c>ceil(5 × (worse + 1) / N)</c>, where <c>worse</c> are the others strictly worse. Equal values share the place
    /// of the first of them, so ties fall to the lower quintile.
    /// </summary>
    public int Score(string dimension, RfmMeasures current, RfmMeasures? counted, DateTimeOffset now)
    {
        if (current.LastPurchase is not { } last)
        {
            return 1;
        }

        if (!_sorted)
        {
            // Contacts are scored on several threads at once; the first sorts, once.
            lock (_sorting)
            {
                if (!_sorted)
                {
                    _lastPurchases.Sort();
                    _purchases.Sort();
                    _spend.Sort();
                    _sorted = true;
                }
            }
        }

        int worse;
        bool ownWorse;
        switch (dimension)
        {
            case "recency":
                // Worse: more whole days since the last purchase at this moment, so a last purchase at or before the
                // instant one day earlier than the contact's day count allows.
                var days = RfmMeasures.DaysBetween(last, now);
                var threshold = now.AddDays(-(days + 1));
                worse = UpperBound(_lastPurchases, threshold);
                ownWorse = counted?.LastPurchase is { } own && own <= threshold;
                break;
            case "frequency":
                worse = LowerBound(_purchases, current.Purchases);
                ownWorse = counted is not null && counted.Purchases < current.Purchases;
                break;
            default:
                worse = LowerBound(_spend, current.Spend);
                ownWorse = counted is not null && counted.Spend < current.Spend;
                break;
        }

        var others = Count - (counted is null ? 0 : 1);
        worse -= ownWorse ? 1 : 0;
        var population = others + 1;
        return Math.Clamp((int)(((5L * (worse + 1)) + population - 1) / population), 1, 5);
    }

    /// <summary>How many values are below <paramref name="value"/>.</summary>
    private static int LowerBound<T>(List<T> values, T value)
        where T : IComparable<T>
    {
        int low = 0, high = values.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (values[mid].CompareTo(value) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many values are at or below <paramref name="value"/>.</summary>
    private static int UpperBound<T>(List<T> values, T value)
        where T : IComparable<T>
    {
        int low = 0, high = values.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (values[mid].CompareTo(value) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}

/// <summary>One contact's RFM measures at an instant: its last purchase, its number of purchases and its total spend.</summary>
public sealed record RfmMeasures(DateTimeOffset? LastPurchase, int Purchases, decimal Spend)
{
    public static RfmMeasures Of(ContactHistory history, DateTimeOffset now)
    {
        DateTimeOffset? last = null;
        var purchases = 0;
        var spend = 0m;
        foreach (var purchase in history.Between("purchase", null, now))
        {
            last = purchase.At;
            purchases++;
            spend += purchase.Amount ?? 0m;
        }

        return new RfmMeasures(last, purchases, spend);
    }

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>, rounded down (recency, as <c>days_since</c> counts).</summary>
    public static long DaysBetween(DateTimeOffset from, DateTimeOffset to) => (long)Math.Floor((to - from).TotalDays);
}
