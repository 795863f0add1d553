using System.Globalization;

namespace CampaignDsl.Plugins;

/// <summary>
/// The limits on every call into a plugin: each call to a plugin function (per contact, in conditions and templates) and
/// each script's own run gets <paramref name="TimeLimit"/> (<c>plugin_time_limit</c> in campaignc.yaml); every call is
/// stopped before the stack overflows. <c>simulate</c>, <c>preview</c> and <c>run</c> apply the same limits.
/// </summary>
/// <param name="Clock">Where the time comes from; tests give one that moves on its own.</param>
public sealed record PluginLimits(TimeSpan TimeLimit, TimeProvider Clock)
{
    public PluginLimits(TimeSpan timeLimit)
        : this(timeLimit, TimeProvider.System)
    {
    }

    /// <summary>Runs a call into <paramref name="script"/> (<paramref name="what"/> says which: "plugin function `x`").</summary>
    /// <exception cref="Runtime.Plugins.PluginStoppedException">The call ran out of time or stack; the message names the script and the function.</exception>
    internal T Call<T>(string script, string what, Func<T> call)
    {
        using var watch = OnBlocked is { } blocked
            ? PluginWatchdog.Watch(BlockedAfter, () => blocked(Describe(script, what, null)))
            : null;
        try
        {
            return PluginBudget.Within(TimeLimit, Clock, call);
        }
        catch (PluginLimitExceededException e)
        {
            throw new Runtime.Plugins.PluginStoppedException(Describe(script, what, e.Limit), e);
        }
    }

    /// <summary>
    /// What to do about a call still running <see cref="BlockedAfter"/> after it started, so blocked where no check runs;
    /// it is given the message. campaignc prints it and ends the process (exit 1). Null: nothing (such a call hangs).
    /// </summary>
    public Action<string>? OnBlocked { get; init; }

    /// <summary>Twice the limit and a second: a call its checks stopped has long finished unwinding by then.</summary>
    public TimeSpan BlockedAfter => (2 * TimeLimit) + TimeSpan.FromSeconds(1);

    private string Describe(string script, string what, PluginLimit? limit) => limit switch
    {
        null =>
            $"{what} in {script} did not finish within {Format(TimeLimit)} and is blocked where it cannot be stopped (a wait, a lock, a read without a timeout); campaignc ended",
        PluginLimit.Time =>
            $"{what} in {script} did not finish within {Format(TimeLimit)} and was stopped; look for a loop that never ends, or raise plugin_time_limit in campaignc.yaml",
        _ => $"{what} in {script} nested too deeply (the stack was nearly full) and was stopped; look for a function that calls itself without end",
    };

    /// <summary>A limit as written in campaignc.yaml: <c>200ms</c>, <c>5s</c>, <c>2m</c>.</summary>
    public static string Format(TimeSpan limit) =>
        limit.TotalMilliseconds % 60_000 == 0 ? (limit.TotalMilliseconds / 60_000).ToString(CultureInfo.InvariantCulture) + "m"
        : limit.TotalMilliseconds % 1000 == 0 ? (limit.TotalMilliseconds / 1000).ToString(CultureInfo.InvariantCulture) + "s"
        : limit.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
}
