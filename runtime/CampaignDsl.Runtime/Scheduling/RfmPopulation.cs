namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// RFM quintiles over a population, measured at one instant: each contact's days since its last purchase
/// (recency; fewer is better), number of purchases (frequency) and total spend (monetary). A contact's
/// score (1-5, 5 best) is the fifth of the population its value falls in; contacts who never bought score 1.
/// </summary>
public sealed class RfmPopulation
{
    private readonly List<decimal> _recency = [];
    private readonly List<decimal> _frequency = [];
    private readonly List<decimal> _monetary = [];
    private bool _sorted;

    public static RfmPopulation Empty { get; } = new();

    public int Count => _frequency.Count;

    public void Add(RfmMeasures measures)
    {
        if (measures.DaysSinceLastPurchase is { } days)
        {
            // Negated so that, like the others, more is better.
            _recency.Add(-days);
        }

        _frequency.Add(measures.Purchases);
        _monetary.Add(measures.Spend);
        _sorted = false;
    }

    public int Score(string dimension, RfmMeasures measures)
    {
        if (!_sorted)
        {
            _recency.Sort();
            _frequency.Sort();
            _monetary.Sort();
            _sorted = true;
        }

        if (measures.Purchases == 0)
        {
            return 1;
        }

        var (values, value) = dimension switch
        {
            "recency" => (_recency, -(measures.DaysSinceLastPurchase ?? 0)),
            "frequency" => (_frequency, (decimal)measures.Purchases),
            _ => (_monetary, measures.Spend),
        };
        if (values.Count == 0)
        {
            return 1;
        }

        // The share of the population strictly below the value: ties share the higher quintile.
        var below = LowerBound(values, value);
        return Math.Clamp(1 + (int)(5L * below / values.Count), 1, 5);
    }

    private static int LowerBound(List<decimal> values, decimal value)
    {
        int low = 0, high = values.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (values[mid] < value)
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

/// <summary>One contact's RFM measures at an instant.</summary>
public sealed record RfmMeasures(decimal? DaysSinceLastPurchase, int Purchases, decimal Spend)
{
    public static RfmMeasures Of(ContactHistory history, DateTimeOffset now)
    {
        var purchases = history.Between("purchase", null, now).ToList();
        var last = purchases.Count == 0 ? (DateTimeOffset?)null : purchases[^1].At;
        return new RfmMeasures(last is { } at ? (decimal)Math.Floor((now - at).TotalDays) : null, purchases.Count, purchases.Sum(p => p.Amount ?? 0m));
    }
}
