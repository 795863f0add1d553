using System.Runtime.CompilerServices;

namespace CampaignDsl.Plugins;

/// <summary>
/// What a call into a plugin may spend. campaignc compiles every script with a call to <see cref="Check"/> at the entry of
/// each method, accessor, local function and lambda, at the top of each loop body and before each <c>goto</c>
/// (<see cref="BudgetInstrumenter"/>), so script code cannot loop or recurse without passing here. A .NET thread cannot be
/// stopped from outside, and a stack overflow ends the process uncatchably; the script stops itself here instead, with an
/// exception that unwinds it like any other.
/// </summary>
public static class PluginBudget
{
    // Per thread: the runtime calls plugins from the thread that evaluates a contact; code a script moves to another
    // thread (Task.Run, a thread of its own) runs there without a deadline, and is stopped only by the stack check.
    [ThreadStatic]
    private static Allowance? t_current;

    /// <summary>
    /// Called by instrumented script code. Throws <see cref="PluginLimitExceededException"/> when the stack is nearly full
    /// (always) or the deadline of the call on this thread has passed; once it has, it throws at every later check, so a
    /// script that catches the exception cannot keep running its loop.
    /// </summary>
    public static void Check()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (t_current is { } deep)
            {
                deep.Exceeded ??= PluginLimit.Stack;
            }

            throw new PluginLimitExceededException(PluginLimit.Stack);
        }

        if (t_current is { } current && current.Clock.GetTimestamp() >= current.Deadline)
        {
            current.Exceeded ??= PluginLimit.Time;
            throw new PluginLimitExceededException(PluginLimit.Time);
        }
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a deadline <paramref name="limit"/> from now. Throws <see cref="PluginLimitExceededException"/>
    /// when a check stopped it (however the script dealt with the exception), or when it returned after the deadline (time
    /// spent where no check runs: a sleep, a slow library call). A call inside another keeps the earlier deadline.
    /// </summary>
    internal static T Within<T>(TimeSpan limit, TimeProvider clock, Func<T> call)
    {
        var outer = t_current;
        var start = clock.GetTimestamp();
        var deadline = start + (long)(limit.TotalSeconds * clock.TimestampFrequency);
        var allowance = new Allowance(clock, outer is null ? deadline : Math.Min(outer.Deadline, deadline));
        t_current = allowance;
        T result;
        try
        {
            result = call();
        }
        catch (Exception) when (allowance.Exceeded is { } limitHit)
        {
            // Whatever the script made of it (caught, wrapped, rethrown), the limit is the reason the call failed.
            throw new PluginLimitExceededException(limitHit);
        }
        finally
        {
            t_current = outer;
            if (outer is not null && allowance.Exceeded is { } hit)
            {
                outer.Exceeded ??= hit;
            }
        }

        if (allowance.Exceeded is { } caught)
        {
            throw new PluginLimitExceededException(caught);
        }

        return clock.GetTimestamp() >= allowance.Deadline ? throw new PluginLimitExceededException(PluginLimit.Time) : result;
    }

    private sealed class Allowance(TimeProvider clock, long deadline)
    {
        public TimeProvider Clock { get; } = clock;

        public long Deadline { get; } = deadline;

        public PluginLimit? Exceeded { get; set; }
    }
}

/// <summary>Which limit stopped a call into a plugin.</summary>
public enum PluginLimit
{
    /// <summary>The call ran past its time limit (<c>plugin_time_limit</c>).</summary>
    Time,

    /// <summary>The call nested so deeply (unbounded recursion) that the stack was nearly full.</summary>
    Stack,
}
