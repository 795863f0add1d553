namespace CampaignDsl.Runtime.Scheduling;

/// <summary>The virtual clock's span, [<see cref="Start"/>, <see cref="End"/>), and the seed that salts placement inside timing windows.</summary>
public sealed record SimulationPeriod(DateTimeOffset Start, DateTimeOffset End, long Seed = 0)
{
    public static SimulationPeriod FromDays(DateTimeOffset start, int days, long seed = 0) => new(start, start.AddDays(days), seed);
}
