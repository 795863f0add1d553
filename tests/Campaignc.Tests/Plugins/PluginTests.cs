using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Plugins;

/// <summary>C# script plugins (campaignc.yaml <c>plugins:</c>): compiled by validate but never run, run by simulate and run, cached by hash.</summary>
public sealed class PluginTests
{
    [Fact]
    public async Task Validate_reports_a_compile_error_at_the_scripts_own_file_and_line()
    {
        using var project = new PluginProject("""
            // a comment
            [CampaignFunction("loyalty_tier")]
            static string LoyaltyTier(decimal spent) => spent >= 1000 ? "gold" : nope;
            """);
        var result = await ValidateAsync(project);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("loyalty.csx(3,70): error CDSL0101:", result.Stdout.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("CS0103", result.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.CacheFolder) && Directory.EnumerateFiles(project.CacheFolder, "*.dll").Any());
    }

    [Fact]
    public async Task Validate_never_runs_a_script_but_type_checks_calls_to_its_functions()
    {
        using var project = new PluginProject(Marker + PluginProject.LoyaltyScript);
        var result = await ValidateAsync(project);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(project.Folder.Combine("ran.txt")));

        // The function's signature reached the checks: a number where it takes one, text where it returns one.
        project.Folder.Write("campaigns/thanks.campaign", File.ReadAllText(project.CampaignPath).Replace("loyalty_tier(lifetime_value) != \"bronze\"", "loyalty_tier(\"x\") > 3", StringComparison.Ordinal));
        var wrong = await ValidateAsync(project);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("error CDSL0017", wrong.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(project.Folder.Combine("ran.txt")));
    }

    [Fact]
    public async Task A_missing_script_is_reported_at_its_item_in_campaignc_yaml()
    {
        using var project = new PluginProject(plugins: "[plugins/loyalty.csx, plugins/gone.csx]");
        var result = await ValidateAsync(project);
        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Stdout.Contains("campaignc.yaml(2,32): error CDSL0102", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public async Task A_function_with_an_unsupported_parameter_type_is_reported_at_the_method()
    {
        using var project = new PluginProject("""
            using System.Text;

            [CampaignFunction("loyalty_tier")]
            static string LoyaltyTier(StringBuilder spent) => "gold";
            """);
        var result = await ValidateAsync(project);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("loyalty.csx(4,15): error CDSL0103", result.Stdout.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_runs_the_script_and_calls_its_function_in_the_audience_condition()
    {
        using var project = new PluginProject(Marker + PluginProject.LoyaltyScript);
        var timeline = project.Folder.Combine("timeline.csv");
        var result = await Cli.RunAsync(["simulate", project.CampaignPath, "--config", project.Config, "--data", .. project.Data,
            "--start", "2026-01-05", "--days", "3", "--out", timeline]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(project.Folder.Combine("ran.txt")));
        var contacts = File.ReadAllLines(timeline).Skip(1).Select(l => l.Split(',')[3]).Distinct().Order().ToList();
        Assert.Equal(["C1", "C2"], contacts);
    }

    [Fact]
    public async Task A_plugin_data_source_gives_simulate_its_contacts()
    {
        const string Source = """
            using System.Runtime.CompilerServices;

            sealed class GeneratedContacts(int count) : IContactSource
            {
                public string Kind => "generated";
                public async IAsyncEnumerable<Contact> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = 1; i <= count; i++)
                    {
                        await Task.Yield();
                        yield return new Contact($"G{i}", Email: $"g{i}@example.com", TimeZone: "Europe/London", Subscribed: true)
                        {
                            Attributes = DataValues.None.Add("lifetime_value", new NumberValue(i * 400)),
                        };
                    }
                }
                public async IAsyncEnumerable<ContactEvent> ReadEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
                    yield break;
                }
                public ValueTask DisposeAsync() => ValueTask.CompletedTask;
            }

            Plugin.AddDataSource("generated", settings => new GeneratedContacts(int.Parse(settings.Get("count") ?? "0", CultureInfo.InvariantCulture)));

            """;
        using var project = new PluginProject(Source + PluginProject.LoyaltyScript, "runtime:\n  data: { kind: generated, count: 4 }\n");
        var timeline = project.Folder.Combine("timeline.csv");
        var result = await Cli.RunAsync(["simulate", project.CampaignPath, "--config", project.Config, "--data", project.Config, "--start", "2026-01-05", "--days", "3", "--out", timeline]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var contacts = File.ReadAllLines(timeline).Skip(1).Select(l => l.Split(',')[3]).Distinct().Order().ToList();
        // 400 is bronze; 800, 1200 and 1600 are silver or gold.
        Assert.Equal(["G2", "G3", "G4"], contacts);
    }

    [Fact]
    public async Task A_plugin_sender_receives_the_messages_of_run_with_the_function_rendered_in_the_template()
    {
        const string Sender = """
            sealed class CollectingSender(string path) : ISender
            {
                public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
                {
                    File.AppendAllText(path, message.To + "|" + (message.HtmlBody ?? "").ReplaceLineEndings(" ") + "\n");
                    return Task.FromResult<SendOutcome>(new SendOutcome.Delivered(message.IdempotencyKey));
                }
            }

            Plugin.AddSender("collect", settings => new CollectingSender(settings.Get("path")!));

            """;
        using var project = new PluginProject(Sender + PluginProject.LoyaltyScript, "runtime:\n  sender: { kind: collect, path: sent.txt }\n");
        // The relative path is the script's to resolve: run from the project folder.
        var sent = project.Folder.Combine("sent.txt");
        project.Folder.Write("campaignc.yaml", File.ReadAllText(project.Config).Replace("path: sent.txt", $"path: \"{sent}\"", StringComparison.Ordinal));
        var result = await Cli.RunAsync(["run", project.CampaignPath, "--config", project.Config, "--data", .. project.Data,
            "--now", "2026-01-05T12:00:00Z", "--state", project.Folder.Combine("state.db")]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(sent).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("ann@example.com|", lines[0], StringComparison.Ordinal);
        Assert.Contains("you are a gold member", lines[0], StringComparison.Ordinal);
        Assert.Contains("you are a silver member", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_knows_the_scripts_functions_as_validate_does_and_never_runs_the_script()
    {
        using var project = new PluginProject(Marker + PluginProject.LoyaltyScript);
        var result = await Cli.RunAsync(["compile", project.CampaignPath, "--config", project.Config]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var read = CampaignDsl.Plan.PlanReader.Read(System.Text.Encoding.UTF8.GetBytes(result.Stdout));
        Assert.True(read.Succeeded, read.Error);
        Assert.Contains("loyalty_tier", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(project.Folder.Combine("ran.txt")));
    }

    [Fact]
    public async Task Preview_runs_the_script_for_the_audience_and_the_templates_helper()
    {
        using var project = new PluginProject(Marker + PluginProject.LoyaltyScript);
        var result = await Cli.RunAsync(["preview", project.CampaignPath, "--config", project.Config, "--data", project.Data[0],
            "--stage", "thanks", "--contact", "C2", "--at", "2026-01-05T12:00:00Z"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("you are a silver member", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(project.Folder.Combine("ran.txt")));
    }

    [Fact]
    public async Task A_compiled_script_is_cached_and_an_edited_one_compiles_again()
    {
        using var project = new PluginProject();
        Assert.True((await ValidateAsync(project)).ExitCode == 0);
        var cached = Assert.Single(Directory.GetFiles(project.CacheFolder, "*.dll"));
        var written = File.GetLastWriteTimeUtc(cached);

        Assert.True((await ValidateAsync(project)).ExitCode == 0);
        Assert.Equal([cached], Directory.GetFiles(project.CacheFolder, "*.dll"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(cached));

        File.WriteAllText(project.ScriptPath, PluginProject.LoyaltyScript.Replace(">= 1000", ">= 2000", StringComparison.Ordinal));
        Assert.True((await ValidateAsync(project)).ExitCode == 0);
        var files = Directory.GetFiles(project.CacheFolder, "*.dll");
        Assert.Equal(2, files.Length);
        Assert.Contains(cached, files);
    }

    [Fact]
    public async Task An_assembly_copied_over_a_cache_entry_is_never_run_and_the_reviewed_script_is_compiled_again()
    {
        // Another script's compiled form, which writes ran.txt into its own folder when it runs.
        using var other = new PluginProject(Marker + PluginProject.LoyaltyScript.Replace("bronze", "copper", StringComparison.Ordinal));
        Assert.True((await ValidateAsync(other)).ExitCode == 0);
        var foreign = File.ReadAllBytes(Assert.Single(Directory.GetFiles(other.CacheFolder, "*.dll")));

        using var project = new PluginProject();
        Assert.True((await ValidateAsync(project)).ExitCode == 0);
        var entry = Assert.Single(Directory.GetFiles(project.CacheFolder, "*.dll"));
        File.WriteAllBytes(entry, foreign);

        var preview = await Cli.RunAsync(["preview", project.CampaignPath, "--config", project.Config, "--data", project.Data[0],
            "--stage", "thanks", "--contact", "C3", "--at", "2026-01-05T12:00:00Z"]);

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("you are a bronze member", preview.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(other.Folder.Combine("ran.txt")), "the assembly copied into the cache ran");
        Assert.NotEqual(foreign, File.ReadAllBytes(entry));

        // A signature copied along with the assembly does not help: it signs the other entry's name.
        File.Copy(Assert.Single(Directory.GetFiles(other.CacheFolder, "*.sig")), entry + ".sig", overwrite: true);
        File.WriteAllBytes(entry, foreign);
        Assert.True((await Cli.RunAsync(["preview", project.CampaignPath, "--config", project.Config, "--data", project.Data[0],
            "--stage", "thanks", "--contact", "C3", "--at", "2026-01-05T12:00:00Z"])).ExitCode == 0);
        Assert.False(File.Exists(other.Folder.Combine("ran.txt")), "the assembly copied into the cache ran with a copied signature");
        Assert.NotEqual(foreign, File.ReadAllBytes(entry));
    }

    /// <summary>A script line that, when run, writes <c>ran.txt</c> into the project folder.</summary>
    private const string Marker = """
        File.WriteAllText(Path.Combine(@"%FOLDER%", "ran.txt"), "ran");

        """;

    private static Task<CliResult> ValidateAsync(PluginProject project) =>
        Cli.RunAsync(["validate", project.CampaignPath, "--config", project.Config]);
}
