namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>Where the simulator and the runner read contacts and events, send messages and keep their state; each is null when not configured.</summary>
public sealed record RuntimeSettings(AdapterSettings? Data = null, AdapterSettings? Sender = null, AdapterSettings? State = null)
{
    public static RuntimeSettings None { get; } = new();

    /// <summary>Overrides of the engagement forecast's benchmark rates (<c>runtime.forecast</c>).</summary>
    public ForecastSettings Forecast { get; init; } = ForecastSettings.None;
}
