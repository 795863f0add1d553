namespace Campaignc;

/// <summary>What campaignc's exit status means; documented in README.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The campaigns have errors (or warnings, with --warnings-as-errors).</summary>
    public const int CampaignErrors = 1;

    /// <summary>The command could not run: a bad option, a missing file, an unreadable folder.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in campaignc itself.</summary>
    public const int InternalError = 3;

    /// <summary>Stopped by Ctrl-C (SIGINT) or SIGTERM; run the command again to go on.</summary>
    public const int Interrupted = 130;
}
