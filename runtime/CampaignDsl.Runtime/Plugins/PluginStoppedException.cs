namespace CampaignDsl.Runtime.Plugins;

/// <summary>
/// A call into a plugin ran past its time limit or nearly filled the stack, and was stopped. Unlike a function that
/// throws, this stops the whole command (never a failed render or a skipped contact): every later call would most
/// likely do the same, each costing the full limit. The message names the script and the function.
/// </summary>
public sealed class PluginStoppedException : Exception
{
    public PluginStoppedException()
    {
    }

    public PluginStoppedException(string message)
        : base(message)
    {
    }

    public PluginStoppedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The stop in <paramref name="e"/> or what it wraps (a template engine wraps what its helpers throw); null when none.</summary>
    public static PluginStoppedException? In(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PluginStoppedException stopped)
            {
                return stopped;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(In).FirstOrDefault(s => s is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
