namespace CampaignDsl.Plugins;

/// <summary>What a plugin script sees as globals: <c>Plugin.AddSender(...)</c>, <c>Plugin.AddDataSource(...)</c>.</summary>
public sealed class PluginGlobals
{
    internal PluginGlobals(PluginRegistrations registrations) => Plugin = registrations;

    /// <summary>Where the script registers the senders and data sources it adds.</summary>
    public PluginRegistrations Plugin { get; }
}
