using System.Globalization;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation.Forecast;

namespace Campaignc.Input;

/// <summary>
/// <c>--forecast none|benchmark</c>: the engagement forecast <c>campaignc simulate</c> plays, the benchmark rates with
/// campaignc.yaml's <c>runtime.forecast</c> laid over them, seeded by <c>--seed</c>.
/// </summary>
public static class ForecastInput
{
    public const string None = "none";
    public const string Benchmark = "benchmark";

    /// <summary>The forecast, or null for <c>none</c>; <paramref name="problem"/> says what is wrong with the mode or the rates.</summary>
    public static IEngagementForecast? Create(string? mode, ProjectConfiguration configuration, long seed, out string? problem)
    {
        problem = null;
        switch (mode ?? None)
        {
            case None:
                return null;
            case Benchmark:
                break;
            default:
                problem = $"--forecast '{mode}' is not a forecast; give none or benchmark";
                return null;
        }

        var settings = configuration.Runtime.Forecast;
        var types = settings.Types.ToDictionary(
            t => t.Key,
            t => new RateOverride(Fraction(t.Value.Open), Fraction(t.Value.Click), Fraction(t.Value.Conversion), Fraction(t.Value.Unsubscribe)),
            StringComparer.Ordinal);
        if (ForecastRates.Benchmark.With(types, Fraction(settings.Organic), out var wrong) is not { } rates)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"{configuration.FilePath ?? "campaignc.yaml"}: runtime.forecast.{wrong} once laid over the benchmark rates; give the open rate too (docs/runtime.md, \"Engagement forecast\", lists the benchmarks)");
            return null;
        }

        return new BenchmarkForecast(rates, seed);
    }

    /// <summary>
    /// The errors of campaignc.yaml a forecast must not run past (a rate written wrong would otherwise fall back to the
    /// benchmark unseen), as compiler-style lines with file, line and column; none without a forecast.
    /// </summary>
    public static IReadOnlyList<string> ConfigurationErrors(string? mode, LoadedConfiguration loaded) =>
        mode == Benchmark ? [.. loaded.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())] : [];

    private static double? Fraction(decimal? percent) => percent is { } p ? (double)(p / 100m) : null;
}
