using System.Text.Json;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Plan;
using YamlDotNet.RepresentationModel;

namespace Campaignc.Tests;

/// <summary><c>campaignc compile</c>: exit codes, where plans go, the YAML form, and what it refuses.</summary>
public sealed class CompileCommandTests
{
    [Fact]
    public async Task Writes_the_plan_of_one_campaign_to_stdout_and_nothing_else()
    {
        using var folder = new TempFolder();
        var file = folder.Write("welcome_new.campaign", SampleCampaigns.Valid());

        var result = await Cli.RunAsync("compile", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Stderr);
        var read = PlanReader.Read(System.Text.Encoding.UTF8.GetBytes(result.Stdout));
        Assert.True(read.Succeeded, read.Error);
        Assert.Equal("welcome_new", read.Plan!.Campaign.Name);
        Assert.Equal("welcome_new.campaign", read.Plan.Source);
    }

    [Fact]
    public async Task The_readmes_compile_command_compiles_a_campaign_whose_hand_off_target_is_in_another_file()
    {
        // The command as the README writes it, run from the repository's root; only the plan goes to a
        // temporary file, to be compared with the committed plan the README's command writes.
        const string Prefix = "dotnet run --project compiler/Campaignc -- compile ";
        var line = Assert.Single(File.ReadLines(RepositoryPaths.InRepo("README.md")), l => l.StartsWith(Prefix, StringComparison.Ordinal));
        var args = line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = Array.IndexOf(args, "-o") + 1;
        Assert.True(output > 0 && output < args.Length, line);
        Assert.Contains("then enroll nurture_returners", File.ReadAllText(RepositoryPaths.InRepo(args[0])), StringComparison.Ordinal);
        using var folder = new TempFolder();
        var committed = RepositoryPaths.InRepo(args[output]);
        args[output] = folder.Combine("plan.json");

        var result = await Cli.RunChildAsync(RepositoryPaths.Root, ["compile", .. args]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal(File.ReadAllText(committed), File.ReadAllText(args[output]));
    }

    [Fact]
    public async Task Compile_takes_the_projects_other_files_along_and_stops_at_an_error_in_one()
    {
        using var folder = new TempFolder();
        folder.Write("campaignc.yaml", "version: 1\n");
        var given = folder.Write("a.campaign", SampleCampaigns.Valid("first"));
        var other = folder.Write("b.campaign", SampleCampaigns.Valid("second"));

        var alone = await Cli.RunAsync("compile", given);
        Assert.True(alone.ExitCode == ExitCodes.Success, alone.ToString());
        Assert.Equal("first", PlanReader.Read(System.Text.Encoding.UTF8.GetBytes(alone.Stdout)).Plan!.Campaign.Name);

        File.WriteAllText(other, SampleCampaigns.WithUnknownFunction());
        var broken = await Cli.RunAsync("compile", given);
        Assert.Equal(ExitCodes.CampaignErrors, broken.ExitCode);
        Assert.Contains("b.campaign", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("error CDSL0015", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_with_errors_gets_no_plan_and_exit_code_1()
    {
        using var folder = new TempFolder();
        var file = folder.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());
        var output = folder.Combine("plan.json");

        var result = await Cli.RunAsync("compile", file, "-o", output);

        Assert.Equal(ExitCodes.CampaignErrors, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("error CDSL0015", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 error", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Several_campaigns_need_an_output_folder()
    {
        using var folder = new TempFolder();
        folder.Write("a.campaign", SampleCampaigns.Valid("first"));
        folder.Write("b.campaign", SampleCampaigns.Valid("second"));

        var toStdout = await Cli.RunAsync("compile", folder.Path);
        Assert.Equal(ExitCodes.UsageError, toStdout.ExitCode);
        Assert.Contains("--output FOLDER", toStdout.Stderr, StringComparison.Ordinal);

        var plans = folder.Combine("plans");
        var toFolder = await Cli.RunAsync("compile", folder.Path, "-o", plans);
        Assert.True(toFolder.ExitCode == ExitCodes.Success, toFolder.ToString());
        Assert.True(File.Exists(Path.Combine(plans, "first.plan.json")));
        Assert.True(File.Exists(Path.Combine(plans, "second.plan.json")));
        Assert.Contains("campaign first ->", toFolder.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_and_bad_formats_are_usage_errors()
    {
        using var folder = new TempFolder();
        folder.Write("welcome_new.campaign", SampleCampaigns.Valid());

        Assert.Equal(ExitCodes.UsageError, (await Cli.RunAsync("compile", folder.Combine("missing.campaign"))).ExitCode);
        Assert.Equal(ExitCodes.UsageError, (await Cli.RunAsync("compile", folder.Path, "--format", "xml")).ExitCode);
    }

    [Fact]
    public async Task Warnings_are_shown_on_stderr_and_fail_only_with_warnings_as_errors()
    {
        using var folder = new TempFolder();
        // A subject line far longer than a phone shows is a lint warning (subject-line-too-long).
        var file = folder.Write("long.campaign", """
            campaign long_subject "Long" {
              type welcome
              audience { where subscribed }
              stage hello { send email body "Hi {{unsubscribe_url}}" subject "This subject line is far far far too long for any inbox to show it in full on a phone screen today" }
            }

            """);

        var lenient = await Cli.RunAsync("compile", file);
        var strict = await Cli.RunAsync("compile", file, "--warnings-as-errors");

        Assert.True(lenient.ExitCode == ExitCodes.Success, lenient.ToString());
        Assert.StartsWith("{", lenient.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning subject-line-too-long", lenient.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.CampaignErrors, strict.ExitCode);
        Assert.Equal("", strict.Stdout);
    }

    [Fact]
    public async Task Yaml_has_exactly_the_structure_and_values_of_the_json()
    {
        using var folder = new TempFolder();
        var file = folder.Write("welcome_new.campaign", SampleCampaigns.Valid());

        var json = await Cli.RunAsync("compile", file);
        var yaml = await Cli.RunAsync("compile", file, "--format", "yaml");

        Assert.True(yaml.ExitCode == ExitCodes.Success, yaml.ToString());
        Assert.EndsWith("\n", yaml.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", yaml.Stdout, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml.Stdout));
        using var document = JsonDocument.Parse(json.Stdout);
        AssertSame(document.RootElement, stream.Documents[0].RootNode, "$");
    }

    private static void AssertSame(JsonElement json, YamlNode yaml, string path)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var mapping = Assert.IsType<YamlMappingNode>(yaml);
                Assert.Equal(json.EnumerateObject().Select(p => p.Name), mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
                foreach (var property in json.EnumerateObject())
                {
                    AssertSame(property.Value, mapping.Children[new YamlScalarNode(property.Name)], $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                var sequence = Assert.IsType<YamlSequenceNode>(yaml);
                Assert.Equal(json.GetArrayLength(), sequence.Children.Count);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    AssertSame(json[i], sequence.Children[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String:
                var text = Assert.IsType<YamlScalarNode>(yaml);
                Assert.True(text.Style == YamlDotNet.Core.ScalarStyle.DoubleQuoted, $"{path} should be a quoted string");
                Assert.Equal(json.GetString(), text.Value);
                break;
            default:
                var scalar = Assert.IsType<YamlScalarNode>(yaml);
                Assert.True(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain, $"{path} should be plain");
                Assert.Equal(json.GetRawText(), scalar.Value);
                break;
        }
    }
}
