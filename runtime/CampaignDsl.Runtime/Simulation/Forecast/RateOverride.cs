namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>Rates given in campaignc.yaml for one campaign type (<c>runtime.forecast.reengagement</c>); each null keeps the benchmark.</summary>
public sealed record RateOverride(double? Open = null, double? Click = null, double? Conversion = null, double? Unsubscribe = null);
