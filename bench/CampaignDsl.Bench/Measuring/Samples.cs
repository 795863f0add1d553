namespace CampaignDsl.Bench.Measuring;

/// <summary>Repeated measurements of one thing; the median is the figure to quote on a noisy machine.</summary>
internal sealed class Samples
{
    private readonly List<double> values = [];

    public int Count => values.Count;

    public double Median
    {
        get
        {
            var sorted = values.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => values.Min();

    public double Max => values.Max();

    public void Add(double value) => values.Add(value);
}
