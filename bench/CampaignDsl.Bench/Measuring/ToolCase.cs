using System.Text.RegularExpressions;

namespace CampaignDsl.Bench.Measuring;

/// <summary>
/// One way of running campaignc: its arguments, the folder it runs in, and what a correct run
/// looks like, so a run that fails or checks the wrong files stops the benchmark instead of being timed.
/// </summary>
internal sealed record ToolCase(string Label, string WorkingDirectory, string[] Arguments, int ExpectedExitCode, Regex ExpectedOutput)
{
    /// <summary>Returns what is wrong with a run of this case, or null when it is as expected.</summary>
    public string? Problem(ToolRun run)
    {
        if (run.ExitCode != ExpectedExitCode)
        {
            return $"exit code {run.ExitCode}, expected {ExpectedExitCode}";
        }

        return ExpectedOutput.IsMatch(run.Stdout) ? null : $"output does not match /{ExpectedOutput}/";
    }
}
