namespace CampaignDsl.Bench;

/// <summary>The benchmark would measure the wrong thing (a corpus that does not check as intended, a tool that fails); it stops.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
