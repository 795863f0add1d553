using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>
/// <c>runtime.forecast</c>: overrides of the engagement forecast's benchmark rates (<c>campaignc simulate --forecast benchmark</c>),
/// as percentages written (14 for 14%). <see cref="Types"/> holds the rates per campaign type; a rate left out keeps the benchmark.
/// </summary>
public sealed record ForecastSettings(decimal? Organic, ImmutableSortedDictionary<string, ForecastRateSettings> Types)
{
    public static ForecastSettings None { get; } = new(null, ImmutableSortedDictionary<string, ForecastRateSettings>.Empty.WithComparers(StringComparer.Ordinal));
}

/// <summary>The rates given for one campaign type, in percent of delivered email sends; null where not given.</summary>
public sealed record ForecastRateSettings(decimal? Open = null, decimal? Click = null, decimal? Conversion = null, decimal? Unsubscribe = null);
