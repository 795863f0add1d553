using System.Text.RegularExpressions;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary><c>--format text</c>: compiler-style lines, the source line and a caret underline.</summary>
public sealed partial class TextFormatTests
{
    [Fact]
    public async Task Diagnostic_line_names_path_position_severity_and_code()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        var result = await Cli.RunAsync("validate", file, "--format", "text");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var lines = SplitLines(result.Stdout);
        var header = DiagnosticLine().Match(lines[0]);
        Assert.True(header.Success, $"not a diagnostic line: {lines[0]}");
        Assert.Equal(file.Replace('\\', '/'), header.Groups["path"].Value);
        Assert.Equal(SampleCampaigns.UnknownFunctionLine.ToString(System.Globalization.CultureInfo.InvariantCulture), header.Groups["line"].Value);
        Assert.Equal(SampleCampaigns.UnknownFunctionColumn.ToString(System.Globalization.CultureInfo.InvariantCulture), header.Groups["col"].Value);
        Assert.Equal("error", header.Groups["severity"].Value);
        Assert.Equal(SampleCampaigns.UnknownFunctionCode, header.Groups["code"].Value);
        Assert.Contains("days_sinse", header.Groups["message"].Value, StringComparison.Ordinal);
        Assert.Contains("did you mean `days_since`?", header.Groups["message"].Value, StringComparison.Ordinal);

        Assert.Equal(" 4 |     where days_sinse(last purchase) > 90", lines[1]);
        Assert.Equal("   |           ^^^^^^^^^^", lines[2]);
        Assert.Equal("1 file checked: 1 error, 0 warnings", lines[3]);
    }

    [Fact]
    public async Task Text_is_the_default_format()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        var explicitText = await Cli.RunAsync("validate", file, "--format", "text");
        var byDefault = await Cli.RunAsync("validate", file);

        Assert.Equal(explicitText.Stdout, byDefault.Stdout);
    }

    [Fact]
    public async Task Caret_lines_up_under_a_line_indented_with_tabs()
    {
        using var temp = new TempFolder();
        var source = SampleCampaigns.WithUnknownFunction()
            .Replace("    where days_sinse(", "\t\twhere\tdays_sinse(", StringComparison.Ordinal);
        var file = temp.Write("tabs.campaign", source);

        var result = await Cli.RunAsync("validate", file);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var lines = SplitLines(result.Stdout);
        Assert.Contains("(4,9): error CDSL0015", lines[0], StringComparison.Ordinal);
        var sourceLine = AfterGutter(lines[1]);
        var underline = AfterGutter(lines[2]);
        Assert.Equal("\t\twhere\tdays_sinse(last purchase) > 90", sourceLine);
        // Every character before the caret is a tab where the source has one, else a space.
        Assert.Equal("\t\t     \t^^^^^^^^^^", underline);
        Assert.Equal(lines[1].IndexOf('|', StringComparison.Ordinal), lines[2].IndexOf('|', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_caret_underlines_exactly_its_span()
    {
        using var temp = new TempFolder();
        var source = """
            campaign multi "Multi" {
              type winback
              colour "blue"
              audience {
            <TAB>where subscribed and countt(purchase) > 1
              }
              stage one {
                send emial "templates/one.hbs"
              }
            }

            """.Replace("<TAB>", "\t", StringComparison.Ordinal);
        var file = temp.Write("multi.campaign", source);
        var text = (await Cli.RunAsync("validate", file)).Stdout;
        var json = JsonReport.Parse((await Cli.RunAsync("validate", file, "--format", "json")).Stdout);
        var lines = SplitLines(text);

        Assert.Equal(json.Diagnostics.Count * 3 + 1, lines.Length);
        for (var i = 0; i < json.Diagnostics.Count; i++)
        {
            var d = json.Diagnostics[i];
            var underline = AfterGutter(lines[i * 3 + 2]);
            var caret = underline.IndexOf('^', StringComparison.Ordinal);
            Assert.Equal(d.Column - 1, caret);
            Assert.Equal(d.EndLine == d.Line ? Math.Max(1, d.EndColumn - d.Column) : Positions.Lines(source)[d.Line - 1].Length - caret,
                underline.Length - caret);
            Assert.Equal(Positions.Lines(source)[d.Line - 1], AfterGutter(lines[i * 3 + 1]));
        }
    }

    [Fact]
    public async Task No_colour_codes_when_output_is_redirected()
    {
        using var temp = new TempFolder();
        temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());

        // A real process whose stdout is a pipe: the case of CI logs and `campaignc ... > file`.
        var result = await Cli.RunChildAsync(temp.Path, "validate", "broken.campaign");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.StartsWith("broken.campaign(4,11): error CDSL0015: ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\e', result.Stdout);
        Assert.DoesNotContain('\e', result.Stderr);
    }

    [Fact]
    public async Task No_colour_codes_in_an_output_file()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());
        var report = temp.Combine("report.txt");

        await Cli.RunAsync("validate", file, "--output", report);

        var written = await File.ReadAllTextAsync(report);
        Assert.Contains("error CDSL0015", written, StringComparison.Ordinal);
        Assert.DoesNotContain('\e', written);
    }

    [Fact]
    public async Task Control_characters_in_the_file_never_reach_the_output_raw()
    {
        using var temp = new TempFolder();
        // An escape sequence in a file must not recolour (or clear) the reader's terminal.
        var source = SampleCampaigns.Valid().Replace("type welcome", "type welcome \e[2J\u0007", StringComparison.Ordinal);
        var file = temp.Write("control.campaign", source);

        var result = await Cli.RunAsync("validate", file);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Contains("CDSL0005", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("unexpected character U+001B;", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("unexpected character U+0007;", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\e', result.Stdout);
        Assert.DoesNotContain('\u0007', result.Stdout);
    }

    [Fact]
    public async Task Quoted_text_with_control_characters_is_printed_harmlessly()
    {
        using var temp = new TempFolder();
        // The quoted text ends up in a syntax error's message ("found the text ...").
        var file = temp.Write("quoted.campaign", "campaign x \"t\" \"\e[2J\" {\n}\n");

        var result = await Cli.RunAsync("validate", file);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Contains("CDSL0009", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\e', result.Stdout);
    }

    [Fact]
    public async Task Huge_line_is_cut_to_a_window_around_each_error()
    {
        using var temp = new TempFolder();
        // 10,000 unknown names on one 50 KB line: each error shows a short excerpt, not the whole line
        // (with 100,000 of them, printing the whole line under each took minutes).
        var chain = "b" + string.Concat(Enumerable.Repeat(" or b", 9_999));
        var file = temp.Write("long.campaign", SampleCampaigns.Valid().Replace("where subscribed", "where " + chain, StringComparison.Ordinal));

        var result = await Cli.RunAsync("validate", file).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString()[..2000]);
        var lines = SplitLines(result.Stdout);
        Assert.Equal(10_000 * 3 + 1, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length < 400, $"line of {l.Length} characters"));

        // The first error is at the start of the line, the last at its end: both windows show the `b` above the caret.
        foreach (var i in new[] { 0, 1234, 9_999 })
        {
            var shown = AfterGutter(lines[i * 3 + 1]);
            var underline = AfterGutter(lines[i * 3 + 2]);
            Assert.Equal("^", underline.TrimStart());
            Assert.Equal('b', shown[underline.IndexOf('^', StringComparison.Ordinal)]);
        }

        Assert.StartsWith("    where b or b", AfterGutter(lines[1]), StringComparison.Ordinal);
        Assert.EndsWith("...", AfterGutter(lines[1]), StringComparison.Ordinal);
        Assert.StartsWith("...", AfterGutter(lines[1234 * 3 + 1]), StringComparison.Ordinal);
        Assert.EndsWith("or b", AfterGutter(lines[9_999 * 3 + 1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_files_print_only_the_summary()
    {
        var result = await Cli.RunAsync("validate", RepositoryPaths.InRepo("examples"));

        var files = Directory.GetFiles(RepositoryPaths.InRepo("examples"), "*.campaign", SearchOption.AllDirectories).Length;
        Assert.Equal([$"{files} files checked: 0 errors, 0 warnings"], SplitLines(result.Stdout));
    }

    [Fact]
    public async Task File_that_cannot_be_read_as_text_shows_no_source_line()
    {
        using var temp = new TempFolder();
        var file = temp.WriteBytes("huge.campaign", new byte[2 * 1024 * 1024]);

        var result = await Cli.RunAsync("validate", file);

        var lines = SplitLines(result.Stdout);
        Assert.Equal(2, lines.Length);
        Assert.Contains("(1,1): error CDSL0003: ", lines[0], StringComparison.Ordinal);
    }

    private static string[] SplitLines(string output) =>
        output.TrimEnd('\r', '\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    // The source and underline lines are " N | text" and "   | marks".
    private static string AfterGutter(string line)
    {
        var bar = line.IndexOf(" | ", StringComparison.Ordinal);
        Assert.True(bar >= 0, $"no gutter in: {line}");
        return line[(bar + 3)..];
    }

    [GeneratedRegex(@"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning|info) (?<code>CDSL\d{4}): (?<message>.+)$")]
    private static partial Regex DiagnosticLine();
}
