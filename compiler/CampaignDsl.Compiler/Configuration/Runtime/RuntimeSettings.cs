namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>Where the simulator and the runner read contacts and events, send messages and keep their state; each is null when not configured.</summary>
public sealed record RuntimeSettings(AdapterSettings? Data = null, AdapterSettings? Sender = null, AdapterSettings? State = null)
{
    public static RuntimeSettings None { get; } = new();
}
