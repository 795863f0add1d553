using System.Collections.Immutable;
using Campaignc.Output;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace Campaignc.Tests;

/// <summary><c>--format github</c>: workflow commands that GitHub Actions turns into pull-request annotations.</summary>
public sealed class GitHubFormatTests
{
    [Fact]
    public async Task Error_becomes_an_error_annotation_with_its_span()
    {
        using var temp = new TempFolder();
        temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        var result = await Cli.RunChildAsync(temp.Path, "validate", "broken.campaign", "--format", "github");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var lines = result.Stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(
            "::error file=broken.campaign,line=4,col=11,endLine=4,endColumn=21,title=CDSL0015 Unknown function::there is no function `days_sinse`",
            lines[0], StringComparison.Ordinal);
        Assert.Equal("1 file checked: 1 error, 0 warnings", lines[1]);
    }

    [Fact]
    public async Task Percent_in_a_message_and_separators_in_the_path_are_escaped()
    {
        using var temp = new TempFolder();
        var source = SampleCampaigns.Valid().Replace("type welcome", "type welcome %", StringComparison.Ordinal);
        var file = temp.Write("a,b:c.campaign", source);

        var result = await Cli.RunAsync("validate", file, "--format", "github");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var annotation = result.Stdout.Split('\n')[0].TrimEnd('\r');
        var escapedPath = file.Replace("%", "%25", StringComparison.Ordinal)
            .Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
        Assert.StartsWith($"::error file={escapedPath},line=2,col=16,endLine=2,endColumn=17,title=CDSL0005 Unexpected character::", annotation,
            StringComparison.Ordinal);
        var message = annotation[(annotation.IndexOf("::", 2, StringComparison.Ordinal) + 2)..];
        Assert.Contains("`%25`", message, StringComparison.Ordinal);
        Assert.DoesNotContain("`%`", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_escapes_percent_cr_and_lf_and_properties_also_colon_and_comma()
    {
        var source = new SourceText("dir:1,2/50%.campaign", "campaign x {\n}\n");
        var diagnostic = DiagnosticCatalog.SyntaxError.Create(new SourceLocation(source, new TextSpan(0, 8)), "100% sure\r\nnext: line, done\rend");
        var output = new StringWriter();

        new GitHubDiagnosticWriter().Write(new ValidationReport(1, [diagnostic]), output);

        var annotation = output.ToString().Split('\n')[0].TrimEnd('\r');
        Assert.Equal(
            "::error file=dir%3A1%2C2/50%25.campaign,line=1,col=1,endLine=1,endColumn=9,title=CDSL0009 Syntax error::100%25 sure%0D%0Anext: line, done%0Dend",
            annotation);
    }

    [Theory]
    [InlineData(DiagnosticSeverity.Error, "error")]
    [InlineData(DiagnosticSeverity.Warning, "warning")]
    [InlineData(DiagnosticSeverity.Info, "notice")]
    public void Severity_picks_the_command(DiagnosticSeverity severity, string command)
    {
        var source = new SourceText("x.campaign", "campaign x {}\n");
        var diagnostic = DiagnosticCatalog.SyntaxError.Create(new SourceLocation(source, new TextSpan(9, 1)), "m") with { Severity = severity };
        var output = new StringWriter();

        new GitHubDiagnosticWriter().Write(new ValidationReport(1, ImmutableArray.Create(diagnostic)), output);

        Assert.StartsWith($"::{command} file=x.campaign,line=1,col=10,", output.ToString(), StringComparison.Ordinal);
    }
}
