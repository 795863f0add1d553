using System.Text.RegularExpressions;
using Campaignc.Output.Html;

namespace Campaignc.Tests;

/// <summary>The HTML writer on hand-made report models: escaping, one series per stage, optional sections.</summary>
public sealed class SimulationReportModelTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    private static SimulationReportModel Model(IReadOnlyList<ForecastRow>? forecast = null, IReadOnlyList<SampleSend>? sends = null) => new(
        new ReportHeader(["spring"], Start, 3, "csv: <contacts>.csv", 10, 7, 0),
        [Start, Start.AddDays(1), Start.AddDays(2)],
        [new ChartSeries("spring", "hello", [4, 0, 1]), new ChartSeries("spring", "quiet", [0, 0, 0]), new ChartSeries("spring", "bye", [0, 6, 0])],
        [new CampaignFunnel("spring", 9, [new FunnelStep("hello", 5, 1, 0, 0, 0, 0), new FunnelStep("quiet", 0, 0, 3, 0, 0, 0), new FunnelStep("bye", 6, 0, 0, 2, 0, 2)], 1, 3)],
        [new SubjectShare("spring", "hello", "s", "s.0", "Hi <b>{{first_name}}</b> & \"you\"", 50, 3, 0.6), new SubjectShare("spring", "hello", "s", "s.1", "Hello", 50, 2, 0.4)],
        [new HoldoutSplit("spring", 10, 1, 8)],
        [new SampleMessage("spring", "hello", "c1", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            sends ?? [new SampleSend("s", "email", "Hi <b>Ann</b>", null, "<p onclick=\"x\">Hi & bye</p><script>alert(1)</script>", true, []),
                      new SampleSend("t", "sms", null, null, "Reply <STOP>", false, ["template 'gone.hbs' of t cannot be read"])])],
        forecast);

    [Fact]
    public void Every_stage_is_one_series_even_one_that_sent_nothing_and_bars_are_drawn_only_for_sends()
    {
        var html = HtmlReportWriter.Write(Model());
        var groups = Regex.Matches(html, """<g class="series" data-campaign="spring" data-stage="(\w+)" data-total="(\d+)"[^>]*>(.*?)</g>""", RegexOptions.Singleline);
        Assert.Equal(["hello", "quiet", "bye"], groups.Select(g => g.Groups[1].Value));
        Assert.Equal(["5", "0", "6"], groups.Select(g => g.Groups[2].Value));
        Assert.Equal([2, 0, 1], groups.Select(g => Regex.Count(g.Groups[3].Value, "<rect ")));
        Assert.Equal(3, Regex.Count(html, """<li data-stage="""));
    }

    [Fact]
    public void Text_from_data_and_templates_is_escaped_and_html_bodies_stay_in_a_sandboxed_frame()
    {
        var html = HtmlReportWriter.Write(Model());
        Assert.Contains("csv: &lt;contacts&gt;.csv", html, StringComparison.Ordinal);
        Assert.Contains("Hi &lt;b&gt;{{first_name}}&lt;/b&gt; &amp; &quot;you&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Subject:</strong> Hi &lt;b&gt;Ann&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("srcdoc=\"&lt;p onclick=&quot;x&quot;&gt;Hi &amp; bye&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("<iframe class=\"body\" sandbox=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"body\">Reply &lt;STOP&gt;</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"problem\">template &#39;gone.hbs&#39; of t cannot be read</p>", html, StringComparison.Ordinal);

        // The page's own single script, and nothing from the sample outside the frame.
        Assert.Equal(1, Regex.Count(html, "<script>"));
        Assert.DoesNotContain("<b>Ann</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forecast_section_appears_only_when_the_run_made_one()
    {
        Assert.DoesNotContain("<h2>Forecast</h2>", HtmlReportWriter.Write(Model()), StringComparison.Ordinal);
        var html = HtmlReportWriter.Write(Model([new ForecastRow("spring", "hello", 1234.4, 56, 7.6)]));
        Assert.Contains("<h2>Forecast</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>hello</td><td class=\"n\">1,234</td><td class=\"n\">56</td><td class=\"n\">8</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_and_holdout_print_as_percentages()
    {
        var html = HtmlReportWriter.Write(Model());
        Assert.Contains("<td class=\"n\">50%</td><td class=\"n\">3</td><td class=\"n\">60.0 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>spring</td><td class=\"n\">10%</td><td class=\"n\">1</td><td class=\"n\">8</td><td class=\"n\">11.1 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>period</dt><dd>2026-01-05 to 2026-01-07 (UTC), 3 days</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 10)]
    [InlineData(78, 100)]
    [InlineData(101, 200)]
    [InlineData(4999, 5000)]
    public void The_axis_top_is_a_round_number_at_or_above_the_busiest_day(int busiest, int top) =>
        Assert.Equal(top, SvgTimelineChart.NiceCeiling(busiest));
}
