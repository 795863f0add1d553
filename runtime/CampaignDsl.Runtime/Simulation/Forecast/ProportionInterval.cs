namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>An estimated share (or difference of shares) with its 95% interval, all as fractions.</summary>
public readonly record struct ProportionInterval(double Estimate, double Low, double High)
{
    private const double Z = 1.959963984540054;

    /// <summary>The Wilson score interval of <paramref name="hits"/> out of <paramref name="total"/>; all zero when there is no total.</summary>
    public static ProportionInterval Wilson(int hits, int total)
    {
        if (total <= 0)
        {
            return default;
        }

        double n = total, p = hits / n, z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new ProportionInterval(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The difference <paramref name="a"/> - <paramref name="b"/> of two independent Wilson intervals, by Newcombe's hybrid score method.</summary>
    public static ProportionInterval Difference(ProportionInterval a, ProportionInterval b)
    {
        var d = a.Estimate - b.Estimate;
        return new ProportionInterval(
            d,
            d - Math.Sqrt(Square(a.Estimate - a.Low) + Square(b.High - b.Estimate)),
            d + Math.Sqrt(Square(a.High - a.Estimate) + Square(b.Estimate - b.Low)));
    }

    public ProportionInterval Times(double factor) => new(Estimate * factor, Low * factor, High * factor);

    private static double Square(double x) => x * x;
}
