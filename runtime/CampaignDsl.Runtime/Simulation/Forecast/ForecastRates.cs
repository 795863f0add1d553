using System.Collections.Frozen;

namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>
/// The engagement rates per campaign type and stage position, and the organic reactivation rate. <see cref="Benchmark"/>
/// holds the defaults from the domain's benchmarks (docs/runtime.md, "Engagement forecast", gives each figure's source);
/// <see cref="With"/> lays campaignc.yaml's overrides over them.
/// </summary>
public sealed class ForecastRates
{
    /// <summary>Re-engagement opens 12-15%, clicks 0.5-1.2% (DOMAIN.md line 35): the midpoints, for stages past the fifth.</summary>
    private static readonly EngagementRates Reengagement = new(0.135, 0.0085, 0.007, 0.002);

    /// <summary>Regular campaigns open 17-28% and click 2.4-4.8% (DOMAIN.md lines 35-36): the midpoints.</summary>
    private static readonly EngagementRates Regular = new(0.225, 0.036, 0.007, 0.002);

    private readonly FrozenDictionary<string, EngagementRates[]> _byStage;
    private readonly FrozenDictionary<string, EngagementRates> _byType;

    private ForecastRates(IDictionary<string, EngagementRates[]> byStage, IDictionary<string, EngagementRates> byType, EngagementRates other, double organic)
    {
        _byStage = byStage.ToFrozenDictionary(StringComparer.Ordinal);
        _byType = byType.ToFrozenDictionary(StringComparer.Ordinal);
        Other = other;
        Organic = organic;
    }

    /// <summary>
    /// The defaults: the five-stage re-engagement sequence's open rates by position (DOMAIN.md lines 26-30, midpoints),
    /// The Stone's 48% win-back opens (line 80), regular-campaign rates for every other type.
    /// </summary>
    public static ForecastRates Benchmark { get; } = new(
        new Dictionary<string, EngagementRates[]>
        {
            ["reengagement"] = [.. new[] { 0.175, 0.145, 0.215, 0.125, 0.235 }.Select(open => Reengagement with { Open = open })],
        },
        new Dictionary<string, EngagementRates>
        {
            ["reengagement"] = Reengagement,
            ["winback"] = Regular with { Open = 0.48 },
        },
        Regular,
        0.01);

    /// <summary>The share of contacts who reactivate on their own during an enrollment, mailed or not (the baseline the holdout measures).</summary>
    public double Organic { get; }

    /// <summary>The rates of campaign types without their own.</summary>
    public EngagementRates Other { get; }

    /// <summary>The rates for the stage at <paramref name="position"/> (1-based) of a campaign of <paramref name="type"/>.</summary>
    public EngagementRates For(string type, int position) =>
        _byStage.TryGetValue(type, out var stages) && position >= 1 && position <= stages.Length ? stages[position - 1]
        : _byType.GetValueOrDefault(type, Other);

    /// <summary>
    /// These rates with overrides per campaign type laid over them: a rate given replaces that rate at every stage of the type.
    /// Null when the result does not fit together, with <paramref name="problem"/> naming the type (see <see cref="EngagementRates.Problem"/>).
    /// </summary>
    public ForecastRates? With(IReadOnlyDictionary<string, RateOverride> types, double? organic, out string? problem)
    {
        problem = null;
        var byStage = _byStage.ToDictionary(p => p.Key, p => p.Value);
        var byType = _byType.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (type, given) in types)
        {
            EngagementRates Apply(EngagementRates rates) =>
                new(given.Open ?? rates.Open, given.Click ?? rates.Click, given.Conversion ?? rates.Conversion, given.Unsubscribe ?? rates.Unsubscribe);

            byType[type] = Apply(byType.GetValueOrDefault(type, Other));
            if (byStage.TryGetValue(type, out var stages))
            {
                byStage[type] = [.. stages.Select(Apply)];
            }

            // The stages in order, then the rates of the type's other stages (after the table's, or all of them).
            var table = byStage.GetValueOrDefault(type, []);
            foreach (var (rates, position) in table.Append(byType[type]).Select((r, i) => (r, i + 1)))
            {
                if (rates.Problem() is { } wrong)
                {
                    var where = table.Length == 0 ? "" : position <= table.Length ? $"at stage {position}, " : $"from stage {position} on, ";
                    problem = $"{type}: {where}{wrong}";
                    return null;
                }
            }
        }

        var resultOrganic = organic ?? Organic;
        if (resultOrganic is < 0 or > 1 || double.IsNaN(resultOrganic))
        {
            problem = "organic: the organic rate must be between 0% and 100%";
            return null;
        }

        return new ForecastRates(byStage, byType, Other, resultOrganic);
    }
}
