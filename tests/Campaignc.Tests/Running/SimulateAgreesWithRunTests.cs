using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Runtime.State;
using Xunit.Abstractions;

namespace Campaignc.Tests.Running;

/// <summary>
/// The promise (issue 10, item 6): what <c>campaignc simulate</c> shows is what <c>campaignc run</c> does. A series of
/// runs with the file sender at irregular <c>--now</c> moments across a period delivers exactly the simulated sends of
/// the same period on the same data: the same contacts, campaigns, stages, sends, variants, subjects and instants.
/// </summary>
public sealed class SimulateAgreesWithRunTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>One delivered message as both sides can describe it.</summary>
    private sealed record Delivery(string Campaign, string Stage, string Send, string Contact, string? Variant, string? SubjectVariant, DateTimeOffset At)
    {
        public override string ToString() =>
            $"{Campaign}/{Stage}/{Send}{(Variant is null ? "" : "[" + Variant + "]")} -> {Contact} at {At:yyyy-MM-dd'T'HH:mm:ss'Z'} subject {SubjectVariant ?? "-"}";
    }

    [Fact]
    public async Task Every_example_delivers_in_runs_across_the_period_what_simulate_shows()
    {
        using var workspace = await RunWorkspace.CreateAsync();
        var moments = Moments(DateTimeOffset.Parse(RunWorkspace.Start, CultureInfo.InvariantCulture), days: 21, seed: 7);
        await AssertAgreementAsync(workspace.Examples, workspace.Config, workspace.Data, moments, minimumSends: 150);
    }

    [Fact]
    public async Task Generated_contacts_in_many_zones_with_caps_windows_and_quiet_hours_get_in_runs_what_simulate_shows()
    {
        var project = GeneratedProject.Write(_folder.Combine("project"), contacts: 180, seed: 2026);
        var store = _folder.Combine("generated.db");
        var import = await Cli.RunAsync("import", "--from", project.Contacts, project.Events, "--into", store);
        Assert.True(import.ExitCode == 0, import.ToString());
        var moments = Moments(GeneratedProject.Start, days: 14, seed: 11);
        await AssertAgreementAsync(project.Folder, project.Config, store, moments, minimumSends: 200);
    }

    /// <summary>
    /// The first moment starts the campaigns (their start is recorded then); the others fall at irregular hours, one to
    /// two days apart, so sends come due between runs, inside and outside send windows; the last is a second before the
    /// end of the simulated days, which the simulation's end excludes.
    /// </summary>
    private static List<DateTimeOffset> Moments(DateTimeOffset start, int days, int seed)
    {
        var random = new Random(seed);
        var end = start.AddDays(days).AddSeconds(-1);
        var moments = new List<DateTimeOffset> { start };
        for (var at = start.AddHours(20 + random.Next(0, 20)).AddMinutes(random.Next(0, 60)); at < end; at = at.AddHours(20 + random.Next(0, 30)).AddMinutes(random.Next(0, 60)))
        {
            moments.Add(at);
        }

        moments.Add(end);
        return moments;
    }

    private async Task AssertAgreementAsync(string campaigns, string config, string data, List<DateTimeOffset> moments, int minimumSends)
    {
        var state = _folder.Combine("state.db");
        var outbox = _folder.Combine("outbox");
        foreach (var now in moments)
        {
            var run = await Cli.RunAsync("run", campaigns, "--data", data, "--config", config, "--state", state, "--outbox", outbox, "--now", Iso(now));
            Assert.True(run.ExitCode == 0, $"run --now {Iso(now)}\n{run}");
        }

        var start = moments[0];
        var days = (int)Math.Ceiling((moments[^1] - start).TotalDays);
        var timeline = _folder.Combine("timeline.jsonl");
        var simulate = await Cli.RunAsync("simulate", campaigns, "--data", data, "--config", config,
            "--start", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--days", days.ToString(CultureInfo.InvariantCulture), "--out", timeline);
        Assert.True(simulate.ExitCode == 0, simulate.ToString());

        var (simulated, subjects) = ReadTimeline(timeline);
        var sends = await RunWorkspace.OutboxAsync(state);
        var delivered = sends.Where(s => s.Status == SendStatus.Delivered).ToList();
        var notDelivered = sends.Where(s => s.Status != SendStatus.Delivered).Select(s => $"{RunWorkspace.KeyOf(s)} {s.Status}: {s.LastError}").ToList();
        output.WriteLine($"{moments.Count} runs; {simulated.Count} simulated sends; {delivered.Count} delivered; {notDelivered.Count} not delivered");
        Assert.True(notDelivered.Count == 0, "the run recorded sends that the simulation shows as sent but did not deliver them:\n" + string.Join("\n", notDelivered.Take(10)));

        var actual = delivered.Select(s => new Delivery(s.Campaign, s.Stage, s.SendId, s.ContactId, s.Variant, s.SubjectVariant, s.DueAt)).ToList();
        var twice = delivered.GroupBy(s => new Delivery(s.Campaign, s.Stage, s.SendId, s.ContactId, s.Variant, s.SubjectVariant, s.DueAt)).Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count == 0, "delivered more than once:\n  " + string.Join("\n  ",
            twice.Take(10).Select(g => $"{g.Key}: occurrences {string.Join(", ", g.Select(s => s.Occurrence))}, plan versions {string.Join(", ", g.Select(s => s.PlanVersion))}")));
        var missing = simulated.Except(actual).OrderBy(d => d.At).ToList();
        var extra = actual.Except(simulated).OrderBy(d => d.At).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"simulated but not delivered ({missing.Count}):\n  {string.Join("\n  ", missing.Take(10))}\ndelivered but not simulated ({extra.Count}):\n  {string.Join("\n  ", extra.Take(10))}");
        Assert.True(simulated.Count >= minimumSends, $"only {simulated.Count} sends: the scenario no longer exercises the engine");

        // The subject a contact read is the simulated subject line with the contact's values filled in.
        foreach (var send in delivered.Where(s => s.Channel == "email"))
        {
            var key = new Delivery(send.Campaign, send.Stage, send.SendId, send.ContactId, send.Variant, send.SubjectVariant, send.DueAt);
            Assert.True(send.Subject is not null && SubjectPattern(subjects[key]).IsMatch(send.Subject),
                $"{key}: the run sent the subject \"{send.Subject}\" where the simulation shows \"{subjects[key]}\"");
        }
    }

    private static (List<Delivery> Sends, Dictionary<Delivery, string> Subjects) ReadTimeline(string path)
    {
        var sends = new List<Delivery>();
        var subjects = new Dictionary<Delivery, string>();
        foreach (var line in File.ReadLines(path))
        {
            using var row = JsonDocument.Parse(line);
            var e = row.RootElement;
            if (e.GetProperty("status").GetString() != "sent")
            {
                continue;
            }

            var delivery = new Delivery(Text(e, "campaign")!, Text(e, "stage")!, Text(e, "send")!, Text(e, "contact_id")!, Text(e, "variant"),
                Text(e, "subject_variant"), DateTimeOffset.Parse(Text(e, "at_utc")!, CultureInfo.InvariantCulture));
            sends.Add(delivery);
            if (Text(e, "subject") is { } subject)
            {
                subjects[delivery] = subject;
            }
        }

        return (sends, subjects);
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A subject line as a pattern: its text exactly, each template expression standing for any text.</summary>
    private static Regex SubjectPattern(string subject)
    {
        var pattern = new StringBuilder("^");
        foreach (var part in Regex.Split(subject, @"(\{\{.*?\}\})"))
        {
            pattern.Append(part.StartsWith("{{", StringComparison.Ordinal) ? ".*" : Regex.Escape(part));
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.Singleline);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
