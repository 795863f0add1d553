namespace CampaignDsl.Plugins;

/// <summary>
/// Thrown inside a script by <see cref="PluginBudget.Check"/> to stop it; <see cref="PluginLimits"/> turns it into a
/// <see cref="Runtime.Plugins.PluginStoppedException"/> naming the script and the function.
/// </summary>
public sealed class PluginLimitExceededException : Exception
{
    public PluginLimitExceededException()
        : this(PluginLimit.Time)
    {
    }

    public PluginLimitExceededException(string message)
        : base(message)
    {
    }

    public PluginLimitExceededException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PluginLimitExceededException(PluginLimit limit)
        : base(limit == PluginLimit.Time ? "the plugin call ran past its time limit" : "the plugin call nested too deeply; the stack was nearly full") =>
        Limit = limit;

    public PluginLimit Limit { get; }
}
