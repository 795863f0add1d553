using CampaignDsl.Compiler.Configuration.Runtime;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// How hard a sender tries: at most <paramref name="RatePerSecond"/> attempts a second, at most
/// <paramref name="MaxAttempts"/> attempts per message (the retry budget), waits that double from
/// <paramref name="FirstBackoff"/> up to <paramref name="MaxBackoff"/>, and each attempt cut off after
/// <paramref name="Timeout"/>. A <c>Retry-After</c> longer than <paramref name="MaxWait"/> is not
/// waited for in the run: the send stays a transient failure, to be offered again later with its key.
/// </summary>
public sealed record SendPolicy(
    int RatePerSecond,
    int MaxAttempts,
    TimeSpan FirstBackoff,
    TimeSpan MaxBackoff,
    TimeSpan Timeout,
    TimeSpan MaxWait)
{
    public static SendPolicy Default { get; } = new(10, 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    /// <summary>The default with <c>rate_per_second</c>, <c>max_attempts</c> and <c>timeout_seconds</c> of a sender block applied.</summary>
    public static SendPolicy From(AdapterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var policy = Default;
        if (settings.GetNumber("rate_per_second") is { } rate)
        {
            policy = policy with { RatePerSecond = rate };
        }

        if (settings.GetNumber("max_attempts") is { } attempts)
        {
            policy = policy with { MaxAttempts = attempts };
        }

        if (settings.GetNumber("timeout_seconds") is { } seconds)
        {
            policy = policy with { Timeout = TimeSpan.FromSeconds(seconds) };
        }

        return policy;
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): 1 s, 2 s, 4 s, ... up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(FirstBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }
}
