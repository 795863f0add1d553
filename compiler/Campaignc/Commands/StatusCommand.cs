using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Runtime.State;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc status [--state STATE] [--now T] [--format text|json]</c>: where real runs stand: enrolments per campaign and
/// stage (active or finished), how many are due now and the oldest overdue (the lag a tick has to catch up), the outbox by
/// status, failures per campaign, and each worker's share. Every figure is one query on the run state; nothing is replayed.
/// </summary>
public static class StatusCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var state = new Option<string?>("--state") { Description = "The run state (as for run). Default: campaignc.yaml's runtime.state, else .campaignc/state.db beside it." };
        var now = new Option<string?>("--now") { Description = "Count what is due by this moment (ISO 8601). Default: the real clock." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = "The campaignc.yaml to use (default: the nearest one)." };
        var command = new Command("status", "Show where real runs stand: enrolments per campaign and stage, what is due, the lag, failures, workers.") { state, now, format, config };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(state), result.GetValue(now), result.GetValue(format)!, result.GetValue(config), TimeProvider.System, stdout, stderr, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? stateOption, string? nowOption, string format, string? configPath, TimeProvider clock, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (nowOption is not null && !DateTimeOffset.TryParse(nowOption, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out now))
        {
            await stderr.WriteLineAsync($"campaignc: error: --now '{nowOption}' is not a date and time; write it as ISO 8601, such as 2026-03-01T09:00:00Z").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        if (await StateInput.ExistingAsync(stateOption, configPath, Directory.GetCurrentDirectory(), stderr).ConfigureAwait(false) is not { } location)
        {
            return ExitCodes.UsageError;
        }

        try
        {
            await using var run = await RunState.OpenAsync(location, cancellationToken).ConfigureAwait(false);
            var status = await run.StatusAsync(now, cancellationToken).ConfigureAwait(false);
            await stdout.WriteAsync(format == "json" ? Json(status) : Text(status, run.Description)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"campaignc: error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    private static string Text(RunStatus status, string state)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run state {state} at {Instant(status.At)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"journeys due now: {N(status.JourneysDue)}{(status.OldestJourneyDue is { } oldest ? $", oldest due {Instant(oldest)} (lag {Lag(status.At - oldest)})" : "")}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"campaign",-24} {"stage",-20} {"status",-9} {"enrolments",11} {"due now",8}  oldest due");
        foreach (var stage in status.Stages)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{TerminalText.Printable(stage.Campaign),-24} {TerminalText.Printable(stage.Stage ?? "(entered)"),-20} {stage.Status,-9} {N(stage.Enrolments),11} {N(stage.Due),8}  {(stage.OldestDue is { } due ? Instant(due) : "-")}");
        }

        text.AppendLine();
        text.AppendLine("outbox: " + (status.Sends.Count == 0 ? "empty" : string.Join(", ", status.Sends.Select(s => $"{s.Key} {N(s.Value)}"))));
        text.AppendLine("failed sends: " + (status.FailedByCampaign.Count == 0 ? "none" : string.Join(", ", status.FailedByCampaign.Select(f => $"{TerminalText.Printable(f.Key)} {N(f.Value)}"))));
        foreach (var worker in status.Workers)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"worker {TerminalText.Printable(worker.Worker)}: holds {N(worker.JourneysHeld)} journeys and {N(worker.SendsHeld)} sends; delivered {N(worker.Delivered)}, failed {N(worker.Failed)}");
        }

        return text.ToString();
    }

    private static string Json(RunStatus status)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("at", Instant(status.At));
            json.WriteNumber("journeys_due", status.JourneysDue);
            WriteInstant(json, "oldest_due", status.OldestJourneyDue);
            json.WriteNumber("lag_seconds", status.OldestJourneyDue is { } oldest ? (long)(status.At - oldest).TotalSeconds : 0);
            json.WriteStartArray("stages");
            foreach (var stage in status.Stages)
            {
                json.WriteStartObject();
                json.WriteString("campaign", stage.Campaign);
                json.WriteString("stage", stage.Stage);
                json.WriteString("status", stage.Status);
                json.WriteNumber("enrolments", stage.Enrolments);
                json.WriteNumber("due", stage.Due);
                WriteInstant(json, "oldest_due", stage.OldestDue);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteCounts(json, "sends", status.Sends);
            WriteCounts(json, "failed_by_campaign", status.FailedByCampaign);
            json.WriteStartArray("workers");
            foreach (var worker in status.Workers)
            {
                json.WriteStartObject();
                json.WriteString("worker", worker.Worker);
                json.WriteNumber("journeys_held", worker.JourneysHeld);
                json.WriteNumber("sends_held", worker.SendsHeld);
                json.WriteNumber("delivered", worker.Delivered);
                json.WriteNumber("failed", worker.Failed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in counts)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            json.WriteString(name, Instant(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Lag(TimeSpan lag) =>
        lag.TotalDays >= 1 ? $"{(int)lag.TotalDays}d {lag.Hours}h" : lag.TotalHours >= 1 ? $"{(int)lag.TotalHours}h {lag.Minutes}m" : $"{(int)lag.TotalMinutes}m {lag.Seconds}s";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
