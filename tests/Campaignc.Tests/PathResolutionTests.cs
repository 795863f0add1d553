using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary>What <c>campaignc validate</c> checks for each kind of path argument.</summary>
public sealed class PathResolutionTests
{
    [Fact]
    public async Task Single_file_is_checked()
    {
        using var temp = new TempFolder();
        var file = temp.Write("one.campaign", SampleCampaigns.WithUnknownFunction());
        temp.Write("other.campaign", SampleCampaigns.WithUnknownFunction("other"));

        var report = await ValidateJson(file);

        Assert.Equal(1, report.Files);
        Assert.All(report.Diagnostics, d => Assert.EndsWith("one.campaign", d.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folder_is_searched_recursively_skipping_build_and_package_folders()
    {
        using var temp = new TempFolder();
        temp.Write("top.campaign", SampleCampaigns.WithUnknownFunction("top"));
        temp.Write("a/b/c/deep.campaign", SampleCampaigns.WithUnknownFunction("deep"));
        temp.Write("a/notes.txt", "not a campaign");
        // Copies under build output and packages would be reported twice (or are not ours): skipped.
        temp.Write("bin/Debug/copy.campaign", "garbage that would fail");
        temp.Write("obj/copy.campaign", "garbage that would fail");
        temp.Write("a/node_modules/pkg/copy.campaign", "garbage that would fail");

        var report = await ValidateJson(temp.Path);

        Assert.Equal(2, report.Files);
        var files = report.Diagnostics.Select(d => Path.GetFileName(d.Path)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["deep.campaign", "top.campaign"], files);
    }

    [Fact]
    public async Task Folder_ignores_files_with_other_extensions()
    {
        using var temp = new TempFolder();
        temp.Write("good.campaign", SampleCampaigns.Valid());
        temp.Write("bad.campaign.bak", "garbage");
        temp.Write("bad.txt", "garbage");

        var result = await Cli.RunAsync("validate", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("1 file checked", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Glob_matches_files_at_any_depth()
    {
        using var temp = new TempFolder();
        temp.Write("x.campaign", SampleCampaigns.WithUnknownFunction("x"));
        temp.Write("one/y.campaign", SampleCampaigns.WithUnknownFunction("y"));
        temp.Write("one/two/z.campaign", SampleCampaigns.WithUnknownFunction("z"));
        temp.Write("one/two/z.txt", "garbage");

        var report = await ValidateJson(temp.Path + "/**/*.campaign");

        Assert.Equal(3, report.Files);
        var files = report.Diagnostics.Select(d => Path.GetFileName(d.Path)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["x.campaign", "y.campaign", "z.campaign"], files);
    }

    [Fact]
    public async Task Glob_relative_to_the_current_folder()
    {
        using var temp = new TempFolder();
        temp.Write("campaigns/a.campaign", SampleCampaigns.Valid("a"));
        temp.Write("campaigns/nested/b.campaign", SampleCampaigns.WithUnknownFunction("b"));

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns/**/*.campaign", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var report = JsonReport.Parse(result.Stdout);
        Assert.Equal(2, report.Files);
        Assert.Equal("campaigns/nested/b.campaign", Assert.Single(report.Diagnostics).Path);
    }

    [Fact]
    public async Task Glob_may_climb_out_of_the_current_folder()
    {
        using var temp = new TempFolder();
        temp.Write("campaigns/a.campaign", SampleCampaigns.WithUnknownFunction("a"));
        Directory.CreateDirectory(temp.Combine("tools"));

        var result = await Cli.RunChildAsync(temp.Combine("tools"), "validate", "../campaigns/*.campaign", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var report = JsonReport.Parse(result.Stdout);
        Assert.Equal(1, report.Files);
        Assert.Equal(temp.Combine("campaigns", "a.campaign").Replace('\\', '/'), Assert.Single(report.Diagnostics).Path);
    }

    [Fact]
    public async Task No_argument_means_the_current_folder()
    {
        using var temp = new TempFolder();
        temp.Write("a.campaign", SampleCampaigns.WithUnknownFunction("a"));
        temp.Write("sub/b.campaign", SampleCampaigns.Valid("b"));

        var result = await Cli.RunChildAsync(temp.Path, "validate", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var report = JsonReport.Parse(result.Stdout);
        Assert.Equal(2, report.Files);
        Assert.Equal("a.campaign", Assert.Single(report.Diagnostics).Path);
    }

    [Fact]
    public async Task Several_arguments_are_all_checked()
    {
        using var temp = new TempFolder();
        var first = temp.Write("first.campaign", SampleCampaigns.WithUnknownFunction("first"));
        temp.Write("folder/second.campaign", SampleCampaigns.WithUnknownFunction("second"));
        temp.Write("globbed/third.campaign", SampleCampaigns.WithUnknownFunction("third"));

        var report = await ValidateJson(first, temp.Combine("folder"), temp.Path + "/globbed/*.campaign");

        Assert.Equal(3, report.Files);
        Assert.Equal(3, report.Errors);
    }

    [Fact]
    public async Task File_named_twice_is_checked_once()
    {
        using var temp = new TempFolder();
        var file = temp.Write("dup.campaign", SampleCampaigns.WithUnknownFunction());

        // The same file given directly, through a path with `..`, through its folder and through a glob.
        var report = await ValidateJson(file, temp.Combine("sub", "..", "dup.campaign"), temp.Path, temp.Path + "/*.campaign");

        Assert.Equal(1, report.Files);
        // Checked twice, the campaign would also clash with itself (CDSL0011).
        Assert.Equal(SampleCampaigns.UnknownFunctionCode, Assert.Single(report.Diagnostics).Code);
    }

    [Fact]
    public async Task Same_campaign_name_in_two_files_is_reported()
    {
        using var temp = new TempFolder();
        temp.Write("a.campaign", SampleCampaigns.Valid("same"));
        temp.Write("b.campaign", SampleCampaigns.Valid("same"));

        var report = await ValidateJson(temp.Path);

        var duplicate = Assert.Single(report.Diagnostics);
        Assert.Equal("CDSL0011", duplicate.Code);
        Assert.EndsWith("b.campaign", duplicate.Path, StringComparison.Ordinal);
        Assert.Equal((1, 10), (duplicate.Line, duplicate.Column));
    }

    private static async Task<JsonReport> ValidateJson(params string[] paths)
    {
        var result = await Cli.RunAsync(["validate", .. paths, "--format", "json"]);
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.CampaignErrors, result.ToString());
        return JsonReport.Parse(result.Stdout);
    }
}
