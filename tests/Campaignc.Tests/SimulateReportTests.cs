using System.Text.RegularExpressions;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary>
/// <c>campaignc simulate --report</c> on the bundled re-engagement example: the page opens in headless Chromium
/// without a console error, draws one mark group per stage, fetches nothing, and is kept as a screenshot.
/// </summary>
public sealed partial class SimulateReportTests
{
    private static readonly string[] WeMissYouStages = ["recognition", "value_reminder", "incentive", "preference_update", "last_chance"];

    private static string Example(params string[] parts) => RepositoryPaths.InRepo(["examples", .. parts]);

    // The README's command: the re-engagement campaign with the nurture campaign it hands off to, from 2026-01-05 (the data ends 2026-01-01).
    private static Task<CliResult> SimulateAsync(string report, params string[] campaigns) => Cli.RunAsync(
        ["simulate", .. campaigns, "--data", Example("data", "contacts.csv"), Example("data", "events.csv"), "--start", "2026-01-05", "--days", "60", "--report", report]);

    [GeneratedRegex("""<(?:script|img|link|iframe|source|video|audio|embed|object)\b[^>]*\s(?:src|href|data)\s*=\s*["']?\s*(?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [Fact]
    public async Task The_report_opens_in_headless_chromium_with_one_mark_per_stage_and_no_errors()
    {
        using var temp = new TempFolder();
        var report = temp.Combine("report.html");
        var run = await SimulateAsync(report, Example("reengagement", "we_miss_you.campaign"), Example("nurture", "nurture_returners.campaign"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Report written to", run.Stdout, StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(report);
        Assert.DoesNotMatch(ExternalResource(), html);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);

        var page = await HeadlessChromium.DumpDomAsync(report);
        Assert.True(page.ExitCode == 0, page.Stderr);
        Assert.Empty(page.ConsoleMessages);
        Assert.Contains("data-ready=\"true\"", page.Stdout, StringComparison.Ordinal);
        Assert.Matches("""<ul id="script-errors"></ul>""", page.Stdout);
        Assert.DoesNotMatch(ExternalResource(), page.Stdout);

        var series = Regex.Matches(page.Stdout, """<g class="series" data-campaign="([^"]+)" data-stage="([^"]+)" """).Select(m => (Campaign: m.Groups[1].Value, Stage: m.Groups[2].Value)).ToList();
        Assert.Equal(WeMissYouStages, series.Where(s => s.Campaign == "we_miss_you").Select(s => s.Stage));
        Assert.Equal(7, series.Count(s => s.Campaign == "nurture_returners"));
        Assert.Equal(series.Count, series.Distinct().Count());
        Assert.Equal(series.Count, Regex.Count(page.Stdout, """<li data-stage="""));

        // Every stage of we_miss_you sent something in sixty days, so each has a sample rendered for a real contact.
        foreach (var stage in WeMissYouStages)
        {
            Assert.Contains($"<section class=\"sample\" data-campaign=\"we_miss_you\" data-stage=\"{stage}\">", page.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("class=\"problem\"", page.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("{{first_name}}", Regex.Match(page.Stdout, "<h2>Sample messages</h2>.*", RegexOptions.Singleline).Value, StringComparison.Ordinal);

        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var png = Path.Combine(folder, "simulation-report.png");
        File.Delete(png);
        var shot = await HeadlessChromium.ScreenshotAsync(report, png);
        Assert.True(shot.ExitCode == 0 && File.Exists(png), shot.Stderr);
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 10_000, $"the screenshot {png} has {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    [Fact]
    public async Task A_plan_file_renders_its_samples_from_the_templates_beside_its_campaign()
    {
        using var temp = new TempFolder();
        var report = temp.Combine("out", "report.html");
        var run = await SimulateAsync(report, Example("reengagement", "we_miss_you.plan.json"));
        Assert.True(run.ExitCode == 0, run.ToString());

        var html = await File.ReadAllTextAsync(report);
        Assert.Equal(5, Regex.Count(html, """<g class="series" """));
        Assert.Equal(5, Regex.Count(html, """<section class="sample" """));
        Assert.DoesNotContain("class=\"problem\"", html, StringComparison.Ordinal);

        // The email body is an escaped srcdoc of a sandboxed frame: its markup cannot leak into the page.
        Assert.Matches("""<iframe class="body" sandbox="" title="[^"]+" srcdoc="&lt;!doctype html&gt;""", html);

        // The example data has no phone numbers, so last_chance's SMS reaches nobody: only what is sent is sampled.
        Assert.DoesNotContain("<pre class=\"body\">Shop: ", html, StringComparison.Ordinal);
        Assert.Matches("""<tr data-stage="last_chance"><td>last_chance</td><td class="n">\d+</td><td class="n">\d+</td><td class="n">0</td><td class="n">[1-9]""", html);
    }

    [Fact]
    public async Task Redirected_output_gets_no_progress_bar_and_no_escape_codes()
    {
        var run = await Cli.RunChildAsync(RepositoryPaths.Root, "simulate", Example("reengagement", "we_miss_you.plan.json"),
            "--data", Example("data", "contacts.csv"), Example("data", "events.csv"), "--start", "2026-01-05", "--days", "60");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("simulating", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("Simulated 300 contacts over 60 days from 2026-01-05", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sends per stage and day (UTC):", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_forecast_the_report_shows_each_stages_predicted_opens_as_in_the_timeline()
    {
        using var temp = new TempFolder();
        var report = temp.Combine("report.html");
        var timeline = temp.Combine("timeline.csv");
        var run = await Cli.RunAsync(
            "simulate", Example("reengagement", "we_miss_you.plan.json"), "--data", Example("data", "contacts.csv"), Example("data", "events.csv"),
            "--start", "2026-01-05", "--days", "60", "--forecast", "benchmark", "--out", timeline, "--report", report);
        Assert.True(run.ExitCode == 0, run.ToString());

        var rows = (await File.ReadAllLinesAsync(timeline)).Skip(1).Select(l => l.Split(',')).ToList();
        var html = await File.ReadAllTextAsync(report);
        var section = html[html.IndexOf("<h2>Forecast</h2>", StringComparison.Ordinal)..];
        var forecast = Regex.Matches(section, """<tr><td>we_miss_you</td><td>(\w+)</td><td class="n">([\d,]+)</td>""")
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(WeMissYouStages, forecast.Keys);
        foreach (var stage in WeMissYouStages)
        {
            Assert.Equal(rows.Count(r => r[5] == stage && r[6] == "opened"), forecast[stage]);
        }

        Assert.True(forecast.Values.Sum() > 0);
        using var plain = new TempFolder();
        var without = await SimulateAsync(plain.Combine("r.html"), Example("reengagement", "we_miss_you.plan.json"));
        Assert.True(without.ExitCode == 0, without.ToString());
        Assert.DoesNotContain("<h2>Forecast</h2>", await File.ReadAllTextAsync(plain.Combine("r.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_that_is_not_html_is_a_usage_error()
    {
        var run = await SimulateAsync("report.pdf", Example("reengagement", "we_miss_you.plan.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--report 'report.pdf' must end in .html", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_terminal_shows_a_row_per_active_day_with_the_sends_of_each_stage()
    {
        using var temp = new TempFolder();
        var run = await SimulateAsync(temp.Combine("r.html"), Example("reengagement", "we_miss_you.plan.json"));
        Assert.True(run.ExitCode == 0, run.ToString());

        var daily = run.Stdout[run.Stdout.IndexOf("Sends per stage and day (UTC):", StringComparison.Ordinal)..];
        var header = daily.Split('\n').First(l => l.Contains("│ day ", StringComparison.Ordinal));
        foreach (var name in WeMissYouStages.Concat(["deferred", "holdout", "skipped", "unreachable", "capped", "exits", "finished"]))
        {
            Assert.Contains(name, header, StringComparison.Ordinal);
        }

        var rows = Regex.Matches(daily, @"│ (2026-\d\d-\d\d) │").Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(new DateOnly(2026, 1, 5), rows[0]);
        Assert.Equal(rows.Order().Distinct(), rows);
        Assert.All(rows, d => Assert.InRange(d, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 5)));

        // The first day's recognition sends equal the report's first bar of that stage.
        var first = daily.Split('\n').First(l => l.Contains("│ 2026-01-05 │", StringComparison.Ordinal)).Split('│', StringSplitOptions.TrimEntries);
        var html = await File.ReadAllTextAsync(temp.Combine("r.html"));
        var bar = Regex.Match(html, """data-stage="recognition"[^>]*>\n<rect [^>]*><title>2026-01-05 recognition: (\d+) sent""");
        Assert.True(bar.Success);
        Assert.Equal(bar.Groups[1].Value, first[2]);
    }
}
