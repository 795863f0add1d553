namespace CampaignDsl.Bench.Measuring;

/// <summary>One finished process: wall time from start to exit, its peak resident memory when known, and what it printed.</summary>
internal sealed record ToolRun(double WallMs, long? PeakRssKb, int ExitCode, string Stdout, string Stderr);
