namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>
/// What share of delivered email sends lead to each reaction, as fractions of the sends (0.14 is 14%).
/// <see cref="Click"/> and <see cref="Conversion"/> (a purchase) come only after an open, so neither may exceed <see cref="Open"/>.
/// </summary>
public sealed record EngagementRates(double Open, double Click, double Conversion, double Unsubscribe)
{
    /// <summary>Null when the rates fit together, else what is wrong, naming the rate.</summary>
    public string? Problem() =>
        new[] { ("open", Open), ("click", Click), ("conversion", Conversion), ("unsubscribe", Unsubscribe) }
            .Where(r => double.IsNaN(r.Item2) || r.Item2 is < 0 or > 1).Select(r => $"the {r.Item1} rate must be between 0% and 100%").FirstOrDefault()
        ?? (Click > Open ? "the click rate is above the open rate, but only opened mail is clicked"
            : Conversion > Open ? "the conversion rate is above the open rate, but only contacts who opened convert"
            : null);
}
