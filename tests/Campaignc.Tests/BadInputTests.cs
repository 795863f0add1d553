using System.Text;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Compiler.Diagnostics;

namespace Campaignc.Tests;

/// <summary>
/// Whatever a file holds, validate answers with diagnostics and exit 1 (or 0 when it is fine):
/// never a stack trace, never the internal-error exit 3, and every position inside the file.
/// </summary>
public sealed class BadInputTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n\r\n   ")]
    [InlineData("// only a comment\n/* and a block\n comment */\n# and a hash comment")]
    [InlineData("\uFEFF")]
    public async Task File_without_a_campaign_is_CDSL0004(string text)
    {
        var report = await AssertRejected(Utf8.GetBytes(text), "CDSL0004");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((1, 1), (d.Line, d.Column));
    }

    [Fact]
    public async Task Binary_file_is_CDSL0002()
    {
        byte[] bytes = [.. Utf8.GetBytes("campaign x \"t\" {\n  type "), 0x00, 0x01, 0xFF, 0x00, .. Utf8.GetBytes(" }\n")];

        var report = await AssertRejected(bytes, "CDSL0002");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((2, 8), (d.Line, d.Column));
    }

    [Fact]
    public async Task Invalid_utf8_is_CDSL0001_at_the_bad_byte()
    {
        byte[] bytes = [.. Utf8.GetBytes("campaign x \"t\" {\n  owner \"caf"), 0xC3, 0x28, .. Utf8.GetBytes("\"\n}\n")];

        var report = await AssertRejected(bytes, "CDSL0001");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((2, 13), (d.Line, d.Column));
        Assert.Contains("0xC3", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task Utf16_with_a_byte_order_mark_is_CDSL0001(string encoding)
    {
        var utf16 = Encoding.GetEncoding(encoding);
        byte[] bytes = [.. utf16.GetPreamble(), .. utf16.GetBytes(SampleCampaigns.Valid())];

        var report = await AssertRejected(bytes, "CDSL0001");

        Assert.Contains("UTF-16", Assert.Single(report.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_without_a_byte_order_mark_is_binary()
    {
        await AssertRejected(Encoding.Unicode.GetBytes(SampleCampaigns.Valid()), "CDSL0002");
    }

    [Fact]
    public async Task Utf8_byte_order_mark_is_accepted()
    {
        await AssertAccepted([0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(SampleCampaigns.Valid())]);
    }

    [Fact]
    public async Task Utf8_byte_order_mark_does_not_shift_columns()
    {
        var report = await AssertRejected([0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(SampleCampaigns.WithUnknownFunction())], "CDSL0015");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((4, 11, 4, 21), (d.Line, d.Column, d.EndLine, d.EndColumn));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Other_line_endings_are_accepted(string newline)
    {
        await AssertAccepted(Utf8.GetBytes(SampleCampaigns.Valid().Replace("\n", newline, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Crlf_line_endings_count_lines_and_columns_once()
    {
        var text = SampleCampaigns.WithUnknownFunction().Replace("\n", "\r\n", StringComparison.Ordinal);

        var report = await AssertRejected(Utf8.GetBytes(text), "CDSL0015");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((4, 11, 4, 21), (d.Line, d.Column, d.EndLine, d.EndColumn));
    }

    [Fact]
    public async Task Five_megabyte_file_is_CDSL0003()
    {
        var line = Utf8.GetBytes("// a comment line that is long enough to fill the file up quickly......\n");
        var bytes = new byte[5 * 1024 * 1024];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = line[i % line.Length];
        }

        var report = await AssertRejected(bytes, "CDSL0003");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Contains("larger than 1 MB", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_nested_parentheses_are_CDSL0010()
    {
        var condition = new string('(', 10_000) + "subscribed" + new string(')', 10_000);

        var report = await AssertRejected(Utf8.GetBytes(WithAudience(condition)), "CDSL0010");

        Assert.Single(report.Diagnostics, d => d.Code == "CDSL0010");
    }

    [Fact]
    public async Task Ten_thousand_not_prefixes_are_CDSL0010()
    {
        var condition = string.Concat(Enumerable.Repeat("not ", 10_000)) + "subscribed";

        var report = await AssertRejected(Utf8.GetBytes(WithAudience(condition)), "CDSL0010");

        Assert.Single(report.Diagnostics, d => d.Code == "CDSL0010");
    }

    [Fact]
    public async Task Ten_thousand_nested_lists_are_CDSL0010()
    {
        var value = new string('[', 10_000) + new string(']', 10_000);

        await AssertRejected(Utf8.GetBytes("campaign x \"t\" {\n  tags " + value + "\n}\n"), "CDSL0010");
    }

    [Fact]
    public async Task Chain_of_a_hundred_thousand_terms_compiles()
    {
        var chain = "a" + string.Concat(Enumerable.Repeat(" and a", 99_999));
        var text = WithAudience(chain).Replace("  audience {", "  segment a = subscribed\n  audience {", StringComparison.Ordinal);
        Assert.InRange(Utf8.GetByteCount(text), 500_000, 1024 * 1024);

        await AssertAccepted(Utf8.GetBytes(text));
    }

    [Fact]
    public async Task Chain_of_twenty_thousand_unknown_names_reports_each_without_crashing()
    {
        var chain = "b" + string.Concat(Enumerable.Repeat(" or b", 19_999));

        var report = await AssertRejected(Utf8.GetBytes(WithAudience(chain)), "CDSL0014");

        Assert.Equal(20_000, report.Diagnostics.Count(d => d.Code == "CDSL0014"));
    }

    [Fact]
    public async Task Long_arithmetic_chain_compiles()
    {
        var chain = "count(purchase)" + string.Concat(Enumerable.Repeat(" + 1 - 1", 60_000)) + " > 0";

        await AssertAccepted(Utf8.GetBytes(WithAudience(chain)));
    }

    [Theory]
    [InlineData("campaign x \"unterminated {\n}\n", "CDSL0006", 1, 12)]
    [InlineData("campaign x \"t\" {\n  owner \"crm@shop.example\n}\n", "CDSL0006", 2, 9)]
    [InlineData("campaign x \"t\" {\n  owner \"a\\", "CDSL0006", 2, 9)]
    [InlineData("\"", "CDSL0006", 1, 1)]
    [InlineData("campaign x \"t\" {\n/* never closed\n}\n", "CDSL0007", 2, 1)]
    [InlineData("}", "CDSL0009", 1, 1)]
    [InlineData("{", "CDSL0009", 1, 1)]
    [InlineData("campaign", "CDSL0009", 1, 9)]
    [InlineData("campaign x \"t\" {\n  type welcome;\n}\n", "CDSL0005", 2, 15)]
    [InlineData("campaign x \"t\" {\n  owner \"\\q\"\n}\n", "CDSL0008", 2, 10)]
    [InlineData("campaign x \"t\" {\n  stage s after 99999999999999999999d { }\n}\n", "CDSL0038", 2, 17)]
    [InlineData("campaign x \"t\" {\n  segment s = count(purchase) > 99999999999999999999999999999999\n}\n", "CDSL0038", 2, 33)]
    public async Task Broken_syntax_points_at_the_problem(string text, string code, int line, int column)
    {
        var report = await AssertRejected(Utf8.GetBytes(text), code);

        Assert.Contains(report.Diagnostics, d => d.Code == code && d.Line == line && d.Column == column);
    }

    [Fact]
    public async Task Tabs_count_as_one_column()
    {
        var text = SampleCampaigns.WithUnknownFunction().Replace("    where ", "\twhere\t", StringComparison.Ordinal);

        var report = await AssertRejected(Utf8.GetBytes(text), "CDSL0015");

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((4, 8, 4, 18), (d.Line, d.Column, d.EndLine, d.EndColumn));
    }

    [Fact]
    public async Task Tabs_everywhere_are_fine()
    {
        var text = string.Join('\n', SampleCampaigns.Valid().Split('\n').Select(l => l.Replace("  ", "\t", StringComparison.Ordinal).Replace(' ', '\t')));
        text = text.Replace("\"Welcome\"", "\"Wel come\"", StringComparison.Ordinal);

        await AssertAccepted(Utf8.GetBytes(text));
    }

    [Theory]
    [InlineData("\u00A0")]
    [InlineData("\u200B")]
    [InlineData("😀")]
    [InlineData("\u0001")]
    [InlineData("\u001B[31m")]
    public async Task Unusual_characters_are_CDSL0005(string character)
    {
        var text = SampleCampaigns.Valid().Replace("subscribed", "subscribed " + character, StringComparison.Ordinal);

        if (character == "\u00A0")
        {
            // A no-break space is whitespace, as editors insert it by accident.
            await AssertAccepted(Utf8.GetBytes(text));
            return;
        }

        var report = await AssertRejected(Utf8.GetBytes(text), "CDSL0005");
        var d = report.Diagnostics.First(d => d.Code == "CDSL0005");
        Assert.Equal((4, 22), (d.Line, d.Column));
        Assert.DoesNotContain(d.Message, char.IsControl);
        if (character != "😀")
        {
            // Invisible characters are named by code point.
            Assert.Contains($"U+{(int)character[0]:X4}", d.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Random_garbage_gets_diagnostics(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[random.Next(1, 4000)];
        if (seed % 2 == 0)
        {
            // Printable ASCII: gets past decoding into the lexer and parser.
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)random.Next(0x09, 0x7F);
            }
        }
        else
        {
            random.NextBytes(bytes);
        }

        await AssertRejected(bytes, null);
    }

    [Fact]
    public async Task Printable_punctuation_soup_gets_diagnostics()
    {
        await AssertRejected(Utf8.GetBytes("{}{}(()[[..,,\"\"==!=<=>= / * - + ..}}} campaign campaign { stage { send { subject"), "CDSL0009");
    }

    private static string WithAudience(string condition) =>
        SampleCampaigns.Valid().Replace("where subscribed", "where " + condition, StringComparison.Ordinal);

    private static async Task AssertAccepted(byte[] bytes)
    {
        using var temp = new TempFolder();
        var file = temp.WriteBytes("input.campaign", bytes);

        var result = await Cli.RunAsync("validate", file, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString().Length > 4000 ? result.ToString()[..4000] : result.ToString());
        Assert.Equal("", result.Stderr);
    }

    /// <summary>Validates the bytes as a file; expects exit 1, the code (when given) and every position inside the file.</summary>
    private static async Task<JsonReport> AssertRejected(byte[] bytes, string? code)
    {
        using var temp = new TempFolder();
        var file = temp.WriteBytes("input.campaign", bytes);

        var result = await Cli.RunAsync("validate", file, "--format", "json");

        var shown = result.ToString().Length > 4000 ? result.ToString()[..4000] : result.ToString();
        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, shown);
        Assert.Equal("", result.Stderr);
        var report = JsonReport.Parse(result.Stdout);
        Assert.NotEmpty(report.Diagnostics);
        if (code is not null)
        {
            Assert.Contains(report.Diagnostics, d => d.Code == code);
        }

        var text = Encoding.UTF8.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0));
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToHashSet();
        var lines = Positions.Lines(text);
        foreach (var d in report.Diagnostics)
        {
            Assert.Contains(d.Code, codes);
            Assert.Equal(file.Replace('\\', '/'), d.Path);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
            Positions.AssertInside(lines, d);
        }

        return report;
    }
}
