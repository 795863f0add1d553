using System.CommandLine;
using Campaignc.Commands;

namespace Campaignc;

/// <summary>The command line: one verb per command class, and one guard so no stack trace ever reaches a user.</summary>
public static class CampaigncApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("campaignc: validate, simulate and run marketing campaigns written as .campaign files.")
        {
            ValidateCommand.Create(stdout, stderr),
            CompileCommand.Create(stdout, stderr),
            FmtCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr),
            PreviewCommand.Create(stdout, stderr),
            SimulateCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            AuditCommand.Create(stdout, stderr),
            StatusCommand.Create(stdout, stderr),
        };

        try
        {
            // A bad option is a usage error (exit 2), not a finding about the campaigns (exit 1, the library's default).
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    await stderr.WriteLineAsync($"campaignc: error: {error.Message}").ConfigureAwait(false);
                }

                await stderr.WriteLineAsync("Run 'campaignc --help' for usage.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            // On SIGTERM or Ctrl-C the command's token is cancelled and it gets this long to finish (a worker ends its tick).
            var configuration = new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
            };
            return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception e) when (CampaignDsl.Runtime.Plugins.PluginStoppedException.In(e) is { } stopped)
        {
            // A call into a script ran out of time or stack and was stopped; what the run recorded before stands.
            await stderr.WriteLineAsync($"campaignc: error: {stopped.Message}").ConfigureAwait(false);
            return ExitCodes.CampaignErrors;
        }
        catch (Exception e) when (PluginFailure(e) is { } plugin)
        {
            // A project's script failed while it ran (a function threw): the project's problem, not campaignc's.
            await stderr.WriteLineAsync($"campaignc: error: {plugin.Message}").ConfigureAwait(false);
            return ExitCodes.CampaignErrors;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("CAMPAIGNC_DEBUG") != "1")
        {
            await stderr.WriteLineAsync(
                $"campaignc: internal error: {e.GetBaseException().Message}. This is a bug in campaignc; please report it with the input that caused it (set CAMPAIGNC_DEBUG=1 for details).")
                .ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static CampaignDsl.Plugins.PluginException? PluginFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is CampaignDsl.Plugins.PluginException plugin)
            {
                return plugin;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(PluginFailure).FirstOrDefault(p => p is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
