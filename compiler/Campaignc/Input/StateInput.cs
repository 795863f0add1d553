using Campaignc.Commands;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Runtime.Data.Postgres;

namespace Campaignc.Input;

/// <summary>
/// Where the commands that read real runs (<c>audit</c>, <c>status</c>) find the run state: <c>--state</c>, else campaignc.yaml's
/// <c>runtime.state</c>, else <c>.campaignc/state.db</c> beside it, as <c>run</c> writes it. They never create one.
/// </summary>
internal static class StateInput
{
    /// <summary>The state's location, or null when the configuration is broken or there is no state there (both written to stderr).</summary>
    public static async Task<string?> ExistingAsync(string? stateOption, string? configPath, string cwd, TextWriter stderr)
    {
        var config = ConfigurationInput.Load(configPath, [], cwd, LintRules.Registry);
        if (config.Problem is not null)
        {
            await stderr.WriteLineAsync($"campaignc: error: {config.Problem}").ConfigureAwait(false);
            return null;
        }

        var location = RunCommand.StateLocation(stateOption, config.Loaded.Configuration, cwd, create: false);
        if (!PostgresLocation.Claims(location) && !File.Exists(location))
        {
            await stderr.WriteLineAsync($"campaignc: error: there is no run state at '{location}'; give --state, or run `campaignc run` first").ConfigureAwait(false);
            return null;
        }

        return location;
    }
}
