using System.CommandLine;
using System.Globalization;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Runtime.State;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc audit [--state STATE] [--contact ID] [--campaign NAME] [--last N]</c>: prints the run state's audit
/// log, oldest first: who entered, which stage and variant was sent with which key, what was skipped, suppressed or
/// failed and why, and every plan change, each with the worker that recorded it.
/// </summary>
public static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var state = new Option<string?>("--state") { Description = "The run state (as for run). Default: campaignc.yaml's runtime.state, else .campaignc/state.db beside it." };
        var contact = new Option<string?>("--contact") { Description = "Only this contact's lines." };
        var campaign = new Option<string?>("--campaign") { Description = "Only this campaign's lines." };
        var last = new Option<int?>("--last") { Description = "Only the last N lines." };
        var config = new Option<string?>("--config") { Description = "The campaignc.yaml to use (default: the nearest one)." };
        var command = new Command("audit", "Print the audit log of real runs: every decision and send, and why.") { state, contact, campaign, last, config };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(state), result.GetValue(contact), result.GetValue(campaign), result.GetValue(last), result.GetValue(config), stdout, stderr, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? stateOption, string? contact, string? campaign, int? last, string? configPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (await StateInput.ExistingAsync(stateOption, configPath, Directory.GetCurrentDirectory(), stderr).ConfigureAwait(false) is not { } location)
        {
            return ExitCodes.UsageError;
        }

        try
        {
            await using var run = await RunState.OpenAsync(location, cancellationToken).ConfigureAwait(false);
            var lines = new List<AuditRecord>();
            await foreach (var record in run.ReadAuditAsync(contact, cancellationToken).ConfigureAwait(false))
            {
                if (campaign is null || record.Campaign == campaign)
                {
                    lines.Add(record);
                }
            }

            foreach (var record in last is { } n && n >= 0 ? lines.TakeLast(n) : lines)
            {
                var at = record.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                await stdout.WriteLineAsync(TerminalText.Printable(
                    $"{at}  {record.Kind,-14} {record.Campaign ?? "-"}  {record.ContactId ?? "-"}  {record.Stage ?? "-"}  {record.Detail}")).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"campaignc: error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }
}
