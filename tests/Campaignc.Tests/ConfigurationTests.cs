using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary><c>campaignc validate</c> with a project's campaignc.yaml: found above the campaigns, or named with --config.</summary>
public sealed class ConfigurationTests
{
    private const string StyleCampaign = """
        campaign style_picks "Style picks" {
          type welcome
          audience { where subscribed and style == "chic" }
          stage picks { send email "templates/picks.hbs" subject "Picked for you" }
        }

        """;

    private const string StyleConfiguration = """
        version: 1
        contacts:
          attributes:
            style: text
        """;

    [Fact]
    public async Task Validate_uses_the_campaignc_yaml_of_a_parent_folder()
    {
        using var temp = Project(StyleConfiguration);

        var result = await Cli.RunAsync("validate", temp.Combine("campaigns", "winback"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("0 errors", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_campaignc_yaml_the_custom_attribute_is_unknown()
    {
        using var temp = Project(configuration: null);

        var result = await Cli.RunAsync("validate", temp.Combine("campaigns"), "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Equal("CDSL0014", Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics).Code);
    }

    [Fact]
    public async Task The_search_stops_at_the_repository_root()
    {
        using var temp = Project(StyleConfiguration);
        Directory.CreateDirectory(temp.Combine("campaigns", ".git"));

        var result = await Cli.RunAsync("validate", temp.Combine("campaigns", "winback"));

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Contains("CDSL0014", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_option_names_the_file()
    {
        // Named with --config rather than found; its folder is the project root, which holds the campaigns.
        using var temp = Project(configuration: null);
        var config = temp.Write("other.yaml", StyleConfiguration);

        var result = await Cli.RunAsync("validate", temp.Combine("campaigns"), "--config", config);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    [Fact]
    public async Task Config_option_with_a_missing_file_exits_2()
    {
        using var temp = Project(StyleConfiguration);
        var missing = temp.Combine("nowhere", "campaignc.yaml");

        var result = await Cli.RunAsync("validate", temp.Combine("campaigns"), "--config", missing);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Config_option_with_a_folder_exits_2()
    {
        using var temp = Project(StyleConfiguration);

        var result = await Cli.RunAsync("validate", temp.Combine("campaigns"), "--config", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
    }

    [Fact]
    public async Task A_configuration_error_exits_1_and_names_the_yaml_file_and_line()
    {
        using var temp = Project("""
            version: 1
            contacts:
              attributes:
                style: text
            defaults:
              timezone: Europe/Amsterdm
            """);

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.StartsWith("campaignc.yaml(6,13): error CDSL0077: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 file checked: 1 error, 0 warnings", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public async Task Configuration_diagnostics_appear_in_every_format(string format)
    {
        using var temp = Project(StyleConfiguration + "\ntemplats: {}\n");

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", format);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Contains("CDSL0074", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("campaignc.yaml", result.Stdout, StringComparison.Ordinal);
        if (format == "json")
        {
            var diagnostic = Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics);
            Assert.Equal(("campaignc.yaml", 5, 1, 5, 9), (diagnostic.Path, diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn));
        }
    }

    [Fact]
    public async Task A_configuration_warning_fails_only_with_warnings_as_errors()
    {
        using var temp = Project(StyleConfiguration + "\nlint:\n  rules:\n    no-such-rule: error\n");

        var lenient = await Cli.RunAsync("validate", temp.Combine("campaigns"));
        var strict = await Cli.RunAsync("validate", temp.Combine("campaigns"), "--warnings-as-errors");

        Assert.True(lenient.ExitCode == ExitCodes.Success, lenient.ToString());
        Assert.Contains("CDSL0079", lenient.Stdout, StringComparison.Ordinal);
        Assert.True(strict.ExitCode == ExitCodes.CampaignErrors, strict.ToString());
    }

    [Fact]
    public async Task Template_folders_of_the_configuration_are_searched()
    {
        using var temp = Project(StyleConfiguration + "\ntemplates:\n  folders: [shared]\n");
        Directory.CreateDirectory(temp.Combine("shared", "templates"));
        File.Move(temp.Combine("campaigns", "winback", "templates", "picks.hbs"), temp.Combine("shared", "templates", "picks.hbs"));

        var result = await Cli.RunAsync("validate", temp.Combine("campaigns"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    /// <summary>A project folder: campaignc.yaml (unless null), campaigns/winback/style.campaign and its template; a .git at the top.</summary>
    private static TempFolder Project(string? configuration)
    {
        var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine(".git"));
        if (configuration is not null)
        {
            temp.Write("campaignc.yaml", configuration);
        }

        temp.Write("campaigns/winback/style.campaign", StyleCampaign);
        temp.Write("campaigns/winback/templates/picks.hbs", "<p>Hi {{first_name}}, picked for you.</p>\n<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>\n");
        return temp;
    }
}
