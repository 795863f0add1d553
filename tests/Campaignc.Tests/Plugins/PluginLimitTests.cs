using Campaignc.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Campaignc.Tests.Plugins;

/// <summary>
/// The limits on calls into plugin scripts (issue 11, item 6): a function that loops forever or recurses without end
/// stops the command with an error naming the script and the function, and the run state stays as a kill would leave
/// it. Each runs campaignc as a child process, so a hang is killed (and fails the test) and a stack overflow takes
/// only the child down.
/// </summary>
public sealed class PluginLimitTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(90);
    private const string Limit = "plugin_time_limit: 200ms\n";

    private const string Spin = """
        [CampaignFunction("loyalty_tier")]
        static string LoyaltyTier(decimal spent)
        {
            while (true)
            {
            }
        }
        """;

    private const string Recurse = """
        [CampaignFunction("loyalty_tier")]
        static string LoyaltyTier(decimal spent) => LoyaltyTier(spent + 1);
        """;

    [Fact]
    public async Task A_function_that_loops_forever_stops_simulate_with_an_error_naming_the_script_and_the_function()
    {
        using var project = new PluginProject(Spin, Limit);
        var result = await SimulateAsync(project);
        AssertStopped(result, "did not finish within 200ms");
    }

    [Fact]
    public async Task Unbounded_recursion_stops_simulate_with_an_error_instead_of_ending_the_process()
    {
        using var project = new PluginProject(Recurse, Limit);
        var result = await SimulateAsync(project);
        AssertStopped(result, "nested too deeply");
    }

    [Theory]
    // Through a lambda, a property and a local function: every way a script can call itself passes a check.
    [InlineData("static Func<decimal, string> Next = null!;\nstatic string Start = (Next = s => Next!(s + 1)) is null ? \"\" : \"\";\n[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent) => Next(spent);")]
    [InlineData("static string Forever => Forever;\n[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent) => Forever;")]
    [InlineData("[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent)\n{\n    string Down(int n) => Down(n + 1);\n    return Down(0);\n}")]
    public async Task Recursion_through_a_lambda_a_property_or_a_local_function_is_stopped_too(string script)
    {
        using var project = new PluginProject(script, Limit);
        var result = await SimulateAsync(project);
        AssertStopped(result, "nested too deeply");
    }

    [Theory]
    // Catching the stop does not help: every later check stops it again, and a call that returns after its limit failed.
    [InlineData("[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent)\n{\n    while (true) { try { while (true) { } } catch (Exception) { } }\n}")]
    [InlineData("[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent)\n{\n    try { while (true) { } } catch (Exception) { }\n    return \"gold\";\n}")]
    // A loop of labels, and time spent where no check runs (a sleep): the call is over its limit when it returns.
    [InlineData("[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent)\n{\n    again: if (spent > -1) goto again;\n    return \"gold\";\n}")]
    [InlineData("[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent)\n{\n    Thread.Sleep(1000);\n    return \"gold\";\n}")]
    public async Task A_call_over_its_limit_fails_however_the_script_spends_the_time(string script)
    {
        using var project = new PluginProject(script, Limit);
        var result = await SimulateAsync(project);
        AssertStopped(result, "did not finish within 200ms");
    }

    [Theory]
    // Blocked in a library, where no check runs and from where the call never returns: the process is ended.
    [InlineData("Thread.Sleep(Timeout.Infinite);")]
    [InlineData("new ManualResetEventSlim(false).Wait();")]
    public async Task A_call_blocked_for_ever_where_no_check_runs_ends_the_command_with_the_script_and_function_named(string block)
    {
        using var project = new PluginProject($"[CampaignFunction(\"loyalty_tier\")]\nstatic string LoyaltyTier(decimal spent)\n{{\n    {block}\n    return \"gold\";\n}}", Limit);
        var result = await SimulateAsync(project);
        AssertStopped(result, "is blocked where it cannot be stopped");
    }

    [Fact]
    public async Task A_script_whose_own_run_never_ends_is_stopped_and_named()
    {
        using var project = new PluginProject("var n = 0;\nwhile (n >= 0) { n = n % 7; }\n" + PluginProject.LoyaltyScript, Limit);
        var result = await SimulateAsync(project);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("the script in plugins/loyalty.csx did not finish within 200ms", result.Stderr.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_helper_has_the_same_limit_in_run_and_the_run_state_stays_usable()
    {
        // The audience calls no plugin; only the template does, so the stop comes while the run renders its sends.
        using var project = new PluginProject(Recurse, Limit);
        project.Folder.Write("campaigns/thanks.campaign", File.ReadAllText(project.CampaignPath)
            .Replace("where subscribed and loyalty_tier(lifetime_value) != \"bronze\"", "where subscribed and lifetime_value >= 500", StringComparison.Ordinal));
        var state = project.Folder.Combine("state.db");
        var outbox = project.Folder.Combine("outbox");
        string[] run = ["run", project.CampaignPath, "--config", project.Config, "--data", .. project.Data, "--now", "2026-01-05T12:00:00Z", "--state", state, "--outbox", outbox];

        var stopped = await Cli.RunChildAsync(Hang, project.Folder.Path, run);
        AssertStopped(stopped, "nested too deeply");
        Assert.False(Directory.Exists(outbox) && Directory.EnumerateFiles(outbox, "*.eml").Any());

        // The state a stopped run leaves is one the next run continues from: with the script fixed, each message goes once.
        project.Folder.Write("plugins/loyalty.csx", PluginProject.LoyaltyScript);
        var fixedRun = await Cli.RunChildAsync(Hang, project.Folder.Path, run);
        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
        Assert.Equal(2, Directory.EnumerateFiles(outbox, "*.eml").Count());
        using var connection = new SqliteConnection($"Data Source={state};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }

    [Fact]
    public async Task A_stack_overflow_the_checks_cannot_catch_ends_the_process_and_the_next_run_continues_the_run_state()
    {
        // A huge stackalloc overflows the stack without a call a check could stop: .NET ends the process, as a kill
        // would. It happens at the last of 1,200 contacts, while earlier batches are being written.
        const string Overflow = """
            [CampaignFunction("loyalty_tier")]
            static string LoyaltyTier(decimal spent)
            {
                if (spent == 7777)
                {
                    Span<byte> huge = stackalloc byte[256 * 1024 * 1024];
                    huge[^1] = 1;
                    return huge[0] == 0 ? "gold" : "silver";
                }

                return spent >= 1000 ? "gold" : spent >= 500 ? "silver" : "bronze";
            }
            """;
        using var project = new PluginProject(Overflow);
        var contacts = new System.Text.StringBuilder("id,email,first_name,timezone,subscribed,created_at,lifetime_value\n");
        for (var i = 0; i < 1200; i++)
        {
            var spent = i == 1199 ? 7777 : i % 50 == 1 ? 600 : 0;
            contacts.Append(System.Globalization.CultureInfo.InvariantCulture, $"K{i:D4},k{i}@example.com,K,Europe/London,true,2025-01-01T00:00:00Z,{spent}\n");
        }

        project.Folder.Write("data/contacts.csv", contacts.ToString());
        var state = project.Folder.Combine("state.db");
        var outbox = project.Folder.Combine("outbox");
        string[] run = ["run", project.CampaignPath, "--config", project.Config, "--data", .. project.Data, "--now", "2026-01-05T12:00:00Z", "--state", state, "--outbox", outbox];

        var crashed = await Cli.RunChildAsync(Hang, project.Folder.Path, run);
        Assert.True(crashed.ExitCode is not (0 or 1), crashed.ToString());

        project.Folder.Write("plugins/loyalty.csx", PluginProject.LoyaltyScript);
        var next = await Cli.RunChildAsync(Hang, project.Folder.Path, run);
        Assert.True(next.ExitCode == 0, next.ToString());
        // 24 contacts at 600 (silver) and the last at 7777 (gold): each gets one message, once.
        Assert.Equal(25, Directory.EnumerateFiles(outbox, "*.eml").Count());
        using var connection = new SqliteConnection($"Data Source={state};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        check.CommandText = "SELECT COUNT(*) FROM sends";
        Assert.Equal(25L, check.ExecuteScalar());
    }

    private static Task<CliResult> SimulateAsync(PluginProject project) =>
        Cli.RunChildAsync(Hang, project.Folder.Path, ["simulate", project.CampaignPath, "--config", project.Config, "--data", .. project.Data,
            "--start", "2026-01-05", "--days", "3", "--out", project.Folder.Combine("timeline.csv")]);

    private static void AssertStopped(CliResult result, string why)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var stderr = result.Stderr.Replace('\\', '/');
        Assert.Contains("campaignc: error: plugin function `loyalty_tier` in plugins/loyalty.csx", stderr, StringComparison.Ordinal);
        Assert.Contains(why, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
