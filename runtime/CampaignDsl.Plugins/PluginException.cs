namespace CampaignDsl.Plugins;

/// <summary>A plugin script failed while it ran (registering, or in a function it adds); the message names the script or function.</summary>
public sealed class PluginException : Exception
{
    public PluginException()
    {
    }

    public PluginException(string message)
        : base(message)
    {
    }

    public PluginException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
