using CampaignDsl.Compiler.Formatting;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Tests.Formatting;

/// <summary>Single rules of the canonical style, and what the formatter refuses to format.</summary>
public sealed class CampaignFormatterTests
{
    private static string Format(string text)
    {
        var result = CampaignFormatter.Format(new SourceText("test.campaign", text));
        Assert.True(result.Text is not null, $"not formatted: {result.Bug}{string.Join('\n', result.Diagnostics)}");
        return result.Text;
    }

    private static string InStage(string item) =>
        Format($"campaign c {{\n  stage s {{\n    {item}\n  }}\n}}\n").Split('\n')[2].Trim();

    [Fact]
    public void File_with_syntax_errors_is_not_formatted()
    {
        var result = CampaignFormatter.Format(new SourceText("test.campaign", "campaign c {\n  stage x after five {}\n}\n"));

        Assert.Null(result.Text);
        Assert.Null(result.Bug);
        Assert.Contains(result.Diagnostics, d => d.Code == "CDSL0009");
    }

    [Theory]
    [InlineData("when country = \"NL\"", "when country == \"NL\"")]
    [InlineData("when purchase.amount>=€ 10", "when purchase.amount >= €10")]
    [InlineData("when purchase.amount >= EUR\t 10.50", "when purchase.amount >= EUR 10.50")]
    [InlineData("when days_since( last (purchase) ) > - 5", "when days_since(last purchase) > -5")]
    [InlineData("when country in [ \"NL\" , \"BE\" , ]", "when country in [\"NL\", \"BE\"]")]
    [InlineData("when count(purchase in 30d)>1 and not(subscribed)", "when count(purchase in 30d) > 1 and not (subscribed)")]
    [InlineData("when 1+2*3 / 4-5 == 0", "when 1 + 2 * 3 / 4 - 5 == 0")]
    public void Expressions_get_canonical_spacing_and_forms(string written, string canonical) =>
        Assert.Equal(canonical, InStage(written));

    [Fact]
    public void Times_and_waits_are_written_without_spaces_and_with_two_digit_hours()
    {
        var formatted = Format("campaign c {\n  policy { send_window 9:00 .. 20:00 }\n  stage s after 5d .. 7d {}\n}\n");

        Assert.Contains("    send_window 09:00..20:00\n", formatted, StringComparison.Ordinal);
        Assert.Contains("  stage s after 5d..7d {}\n", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_that_fits_stays_on_one_line_and_one_that_does_not_breaks_before_each_operator()
    {
        var condition = string.Join(" and ", Enumerable.Range(1, 8).Select(i => $"count(purchase in {i}d) > {i}"));
        var formatted = Format($"campaign c {{\n  audience {{ where {condition} }}\n}}\n");

        var lines = formatted.Split('\n');
        Assert.Equal("    where count(purchase in 1d) > 1", lines[2]);
        Assert.Equal("        and count(purchase in 2d) > 2", lines[3]);
        Assert.All(lines, line => Assert.True(line.Length <= CampaignFormatter.LineWidth, line));
    }

    [Fact]
    public void A_line_comment_in_the_middle_of_a_construct_stays_after_its_token()
    {
        var formatted = Format("campaign c {\n  stage s {\n    send email \"t.hbs\" // the template\n subject \"Hi\"\n  }\n}\n");

        Assert.Contains("    send email \"t.hbs\" // the template\n        subject \"Hi\"\n", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_blocks_close_on_the_same_line()
    {
        Assert.Equal("campaign c {\n  stage s {}\n\n  stage t { /* later */ }\n}\n", Format("campaign c {stage s {\n\n}\nstage t { /* later */ }}"));
    }
}
