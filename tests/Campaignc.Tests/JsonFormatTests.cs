using System.Text.Json;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Compiler.Diagnostics;

namespace Campaignc.Tests;

/// <summary><c>--format json</c>: one document with counts and every diagnostic's code, span, path and help.</summary>
public sealed class JsonFormatTests
{
    [Fact]
    public async Task Report_has_counts_and_the_diagnostic_with_its_span()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        var result = await Cli.RunAsync("validate", file, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var report = JsonReport.Parse(result.Stdout);
        Assert.Equal(1, report.Version);
        Assert.Equal(1, report.Files);
        Assert.Equal(1, report.Errors);
        Assert.Equal(0, report.Warnings);
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(SampleCampaigns.UnknownFunctionCode, d.Code);
        Assert.Equal("error", d.Severity);
        Assert.Equal(file.Replace('\\', '/'), d.Path);
        Assert.Equal(SampleCampaigns.UnknownFunctionLine, d.Line);
        Assert.Equal(SampleCampaigns.UnknownFunctionColumn, d.Column);
        Assert.Equal(SampleCampaigns.UnknownFunctionLine, d.EndLine);
        Assert.Equal(SampleCampaigns.UnknownFunctionEndColumn, d.EndColumn);
        Assert.Contains("days_since", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_diagnostic_carries_the_title_and_help_of_its_code()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        var result = await Cli.RunAsync("validate", file, "--format", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        var d = document.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(DiagnosticCatalog.UnknownFunction.Title, d.GetProperty("title").GetString());
        Assert.Equal(DiagnosticCatalog.UnknownFunction.Help, d.GetProperty("help").GetString());
    }

    [Fact]
    public async Task Clean_files_give_an_empty_list()
    {
        var result = await Cli.RunAsync("validate", RepositoryPaths.InRepo("examples"), "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var report = JsonReport.Parse(result.Stdout);
        Assert.Equal(Directory.GetFiles(RepositoryPaths.InRepo("examples"), "*.campaign", SearchOption.AllDirectories).Length, report.Files);
        Assert.Equal(0, report.Errors);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public async Task Diagnostics_are_ordered_by_file_then_position()
    {
        using var temp = new TempFolder();
        var source = """
            campaign ordered "Ordered" {
              type winbak
              audience { where countt(purchase) > 1 and bogus }
              stage one after 0d {
                send emial "templates/one.hbs"
              }
            }

            """;
        temp.Write("b.campaign", source.Replace("ordered", "second", StringComparison.Ordinal));
        temp.Write("a.campaign", source);

        var report = JsonReport.Parse((await Cli.RunAsync("validate", temp.Path, "--format", "json")).Stdout);

        Assert.True(report.Diagnostics.Count >= 8, string.Join("\n", report.Diagnostics));
        Assert.Equal(report.Errors, report.Diagnostics.Count);
        var keys = report.Diagnostics.Select(d => (Path.GetFileName(d.Path), d.Line, d.Column)).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.All(report.Diagnostics, d => Positions.AssertInside(source, d));
    }

    [Fact]
    public async Task Quotes_backslashes_and_control_characters_stay_valid_json()
    {
        using var temp = new TempFolder();
        var file = temp.Write("quotes \"and\" back\\slash.campaign", "campaign x \"a\\qb\" { }\u0001\n");

        var result = await Cli.RunAsync("validate", file, "--format", "json");

        var report = JsonReport.Parse(result.Stdout);
        Assert.Equal(file.Replace('\\', '/'), report.Diagnostics[0].Path);
        Assert.Contains(report.Diagnostics, d => d.Code == "CDSL0008");
        Assert.Contains(report.Diagnostics, d => d.Code == "CDSL0005");
    }
}
