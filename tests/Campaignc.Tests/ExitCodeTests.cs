using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary><c>campaignc validate</c> exits 0 for clean campaigns, 1 for campaign errors and 2 when it cannot run.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task Examples_folder_is_clean()
    {
        var result = await Cli.RunAsync("validate", RepositoryPaths.InRepo("examples"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("0 errors", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task File_with_an_error_exits_1()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        var result = await Cli.RunAsync("validate", file);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Contains(SampleCampaigns.UnknownFunctionCode, result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Missing_path_exits_2_with_a_message()
    {
        using var temp = new TempFolder();
        var missing = temp.Combine("nowhere.campaign");

        var result = await Cli.RunAsync("validate", missing);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nowhere.campaign", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_among_good_ones_still_exits_2()
    {
        using var temp = new TempFolder();
        var good = temp.Write("good.campaign", SampleCampaigns.Valid());

        var result = await Cli.RunAsync("validate", good, temp.Combine("missing.campaign"));

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
    }

    [Fact]
    public async Task Folder_without_campaign_files_exits_2()
    {
        using var temp = new TempFolder();
        temp.Write("notes.txt", "not a campaign");
        temp.Write("sub/readme.md", "# nothing here");

        var result = await Cli.RunAsync("validate", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("no .campaign files", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Glob_without_matches_exits_2()
    {
        using var temp = new TempFolder();

        var result = await Cli.RunAsync("validate", temp.Path + "/**/*.campaign");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("no files match", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("TEXT")]
    [InlineData("")]
    public async Task Unknown_format_exits_2(string format)
    {
        using var temp = new TempFolder();
        var good = temp.Write("good.campaign", SampleCampaigns.Valid());

        var result = await Cli.RunAsync("validate", good, "--format", format);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.NotEqual("", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_exits_2()
    {
        using var temp = new TempFolder();
        var good = temp.Write("good.campaign", SampleCampaigns.Valid());

        var result = await Cli.RunAsync("validate", good, "--no-such-option");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var result = await Cli.RunAsync("validate", "--help");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("--warnings-as-errors", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_command_exits_2()
    {
        var result = await Cli.RunAsync();

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
    }

    [Fact]
    public async Task Output_file_receives_the_report_and_the_terminal_a_summary()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());
        var report = temp.Combine("out", "report.json");
        Directory.CreateDirectory(temp.Combine("out"));

        var result = await Cli.RunAsync("validate", file, "--format", "json", "--output", report);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.True(File.Exists(report), "the report file was not written");
        var written = JsonReport.Parse(await File.ReadAllTextAsync(report));
        Assert.Equal(SampleCampaigns.UnknownFunctionCode, Assert.Single(written.Diagnostics).Code);
        Assert.DoesNotContain(SampleCampaigns.UnknownFunctionCode, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 error", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_file_short_option_works_for_clean_files()
    {
        using var temp = new TempFolder();
        var file = temp.Write("good.campaign", SampleCampaigns.Valid());
        var report = temp.Combine("report.sarif");

        var result = await Cli.RunAsync("validate", file, "-f", "sarif", "-o", report);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("\"version\": \"2.1.0\"", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_file_in_a_missing_folder_exits_2()
    {
        using var temp = new TempFolder();
        var file = temp.Write("good.campaign", SampleCampaigns.Valid());

        var result = await Cli.RunAsync("validate", file, "--output", temp.Combine("no", "such", "folder", "report.txt"));

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("cannot write", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_as_errors_keeps_0_for_clean_files()
    {
        var result = await Cli.RunAsync("validate", RepositoryPaths.InRepo("examples"), "--warnings-as-errors");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    [Fact]
    public async Task Warnings_as_errors_keeps_1_for_errors()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        var result = await Cli.RunAsync("validate", file, "--warnings-as-errors", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Equal("error", Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics).Severity);
    }
}
