using System.Text.Json;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary>
/// Diagnostics located in a template file print that file, line and source line in every format,
/// and a template shared by two campaigns reports its mistake once.
/// </summary>
public sealed class TemplateDiagnosticTests
{
    private const string Campaign = """
        campaign welcome_new "Welcome" {
          type welcome
          audience { where subscribed }
          stage hello { send email "templates/hello.hbs" subject "Hello" }
        }

        """;

    // `frist_name` is at line 2, columns 6..16.
    private const string Template = "<p>Hi,</p>\n<p>{{frist_name}}</p>\n<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>\n";

    private static TempFolder Project()
    {
        var temp = new TempFolder();
        temp.Write("campaigns/welcome.campaign", Campaign);
        temp.Write("campaigns/templates/hello.hbs", Template);
        return temp;
    }

    [Fact]
    public async Task Text_format_prints_the_template_path_line_and_source()
    {
        using var temp = Project();

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var lines = result.Stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("campaigns/templates/hello.hbs(2,6): error CDSL0063: ", StringComparison.Ordinal));
        Assert.True(header >= 0, result.ToString());
        Assert.Equal(" 2 | <p>{{frist_name}}</p>", lines[header + 1]);
        Assert.Equal("   |      ^^^^^^^^^^", lines[header + 2]);
    }

    [Fact]
    public async Task Json_format_gives_the_template_path_and_span()
    {
        using var temp = Project();

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "json");

        var d = Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics);
        Assert.Equal(("CDSL0063", "campaigns/templates/hello.hbs", 2, 6, 2, 16), (d.Code, d.Path, d.Line, d.Column, d.EndLine, d.EndColumn));
        Positions.AssertInside(Template, d);
    }

    [Fact]
    public async Task Sarif_format_points_at_the_template_relative_to_srcroot()
    {
        using var temp = Project();

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "sarif");

        using var document = JsonDocument.Parse(result.Stdout);
        var sarifResult = Assert.Single(document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("CDSL0063", sarifResult.GetProperty("ruleId").GetString());
        var location = sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("campaigns/templates/hello.hbs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((2, 6, 2, 16), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public async Task A_template_shared_by_two_campaigns_reports_its_mistake_once()
    {
        using var temp = Project();
        temp.Write("campaigns/second.campaign", Campaign.Replace("welcome_new", "welcome_again", StringComparison.Ordinal));

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "json");

        var report = JsonReport.Parse(result.Stdout);
        Assert.Equal(2, report.Files);
        Assert.Equal("CDSL0063", Assert.Single(report.Diagnostics).Code);
    }

    [Fact]
    public async Task A_missing_template_is_reported_at_the_send()
    {
        using var temp = new TempFolder();
        temp.Write("campaigns/welcome.campaign", Campaign);
        temp.Write("campaigns/templates/helo.hbs", Template);

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "json");

        var d = Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics);
        Assert.Equal(("CDSL0060", "campaigns/welcome.campaign", 4, 28), (d.Code, d.Path, d.Line, d.Column));
        Assert.Contains("templates/helo.hbs", d.Message, StringComparison.Ordinal);
    }
}
