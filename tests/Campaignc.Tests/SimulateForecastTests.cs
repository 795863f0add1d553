using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary><c>campaignc simulate --forecast benchmark</c> on the bundled re-engagement example: seeded, overridable, reported.</summary>
public sealed class SimulateForecastTests
{
    private static string Example(params string[] parts) => RepositoryPaths.InRepo(["examples", .. parts]);

    private static Task<CliResult> SimulateAsync(string timeline, params string[] extra) => Cli.RunAsync(
        ["simulate", Example("reengagement", "we_miss_you.plan.json"), "--data", Example("data", "contacts.csv"), Example("data", "events.csv"),
            "--start", "2026-01-05", "--days", "60", "--out", timeline, .. extra]);

    private static string[] Statuses(string timeline) => [.. File.ReadAllLines(timeline).Skip(1).Select(l => l.Split(',')[6])];

    [Fact]
    public async Task The_same_seed_gives_a_byte_identical_timeline_and_another_seed_another()
    {
        using var temp = new TempFolder();
        var runs = new[] { ("a.csv", "7"), ("b.csv", "7"), ("c.csv", "8") };
        foreach (var (file, seed) in runs)
        {
            var run = await SimulateAsync(temp.Combine(file), "--forecast", "benchmark", "--seed", seed);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var a = File.ReadAllBytes(temp.Combine("a.csv"));
        Assert.Equal(a, File.ReadAllBytes(temp.Combine("b.csv")));
        Assert.NotEqual(a, File.ReadAllBytes(temp.Combine("c.csv")));
        Assert.Contains("opened", Statuses(temp.Combine("a.csv")));
    }

    [Fact]
    public async Task The_terminal_shows_the_forecast_table_with_treated_against_holdout()
    {
        using var temp = new TempFolder();
        var run = await SimulateAsync(temp.Combine("t.csv"), "--forecast", "benchmark");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Engagement forecast", run.Stdout, StringComparison.Ordinal);
        var row = run.Stdout.Split('\n').Last(l => l.Contains("we_miss_you", StringComparison.Ordinal) && l.Contains(" pp ", StringComparison.Ordinal));
        Assert.Matches(@"\d+ \(\d+\.\d%, \d+\.\d-\d+\.\d%\)", row);
        Assert.Contains("expected reactivations among", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_forecast_there_are_no_forecast_rows_or_table()
    {
        using var temp = new TempFolder();
        var run = await SimulateAsync(temp.Combine("t.csv"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("Engagement forecast", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Statuses(temp.Combine("t.csv")), s => s is "opened" or "clicked" or "converted" or "unsubscribed");
    }

    [Fact]
    public async Task An_override_in_campaignc_yaml_applies()
    {
        using var temp = new TempFolder();
        var config = temp.Write("campaignc.yaml", "version: 1\nruntime:\n  forecast:\n    organic: 0%\n    reengagement: { open: 0%, click: 0%, conversion: 0%, unsubscribe: 100% }\n");
        var run = await SimulateAsync(temp.Combine("t.csv"), "--forecast", "benchmark", "--config", config);
        Assert.True(run.ExitCode == 0, run.ToString());
        var statuses = Statuses(temp.Combine("t.csv"));
        Assert.DoesNotContain("opened", statuses);
        Assert.DoesNotContain("converted", statuses);
        Assert.Contains("unsubscribed", statuses);
        Assert.Contains(File.ReadAllLines(temp.Combine("t.csv")), l => l.Contains(",unsubscribed (forecast),", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_override_value_is_a_located_error_and_nothing_runs()
    {
        using var temp = new TempFolder();
        var config = temp.Write("campaignc.yaml", "version: 1\nruntime:\n  forecast:\n    reengagement:\n      open: 14\n");
        var run = await SimulateAsync(temp.Combine("t.csv"), "--forecast", "benchmark", "--config", config);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("campaignc.yaml(5,13): error CDSL0077", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("t.csv")));
    }

    [Fact]
    public async Task An_override_that_fails_against_the_benchmarks_and_an_unknown_mode_are_usage_errors()
    {
        using var temp = new TempFolder();
        var config = temp.Write("campaignc.yaml", "version: 1\nruntime:\n  forecast:\n    reengagement: { click: 16% }\n");
        var run = await SimulateAsync(temp.Combine("t.csv"), "--forecast", "benchmark", "--config", config);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("runtime.forecast.reengagement: at stage 2", run.Stderr, StringComparison.Ordinal);

        var unknown = await SimulateAsync(temp.Combine("t.csv"), "--forecast", "magic");
        Assert.Equal(2, unknown.ExitCode);
    }
}
