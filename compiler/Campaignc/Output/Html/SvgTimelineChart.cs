using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace Campaignc.Output.Html;

/// <summary>
/// The report's chart, drawn as inline SVG: sends per day, a stacked bar per day with one colour per stage.
/// Each stage is one series, a <c>&lt;g class="series" data-campaign data-stage&gt;</c> holding its bars, named
/// in the legend, so the chart has exactly one mark group per stage however many days it spans.
/// </summary>
public static class SvgTimelineChart
{
    /// <summary>Distinguishable on white and for common colour blindness (Okabe-Ito, then Tableau).</summary>
    public static readonly string[] Palette =
    [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#8C564B", "#7F7F7F",
    ];

    private const double Width = 960;
    private const double Height = 320;
    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 16;
    private const double Bottom = 40;

    public static string Colour(int series) => Palette[series % Palette.Length];

    public static void Write(StringBuilder html, IReadOnlyList<DateOnly> days, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(series);
        var totals = days.Select((_, d) => series.Sum(s => s.SentPerDay[d])).ToList();
        var top = NiceCeiling(totals.DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / Math.Max(1, days.Count);
        var bar = Math.Max(1, slot * 0.8);

        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {F(Width)} {F(Height)}\" aria-label=\"Sends per day per stage\">\n");
        html.Append("<g class=\"axis\">\n");
        for (var i = 0; i <= 4; i++)
        {
            var value = top * i / 4.0;
            var y = Top + plotHeight - (plotHeight * i / 4);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/><text x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{value.ToString("#,0.##", CultureInfo.InvariantCulture)}</text>\n");
        }

        var every = Math.Max(1, (int)Math.Ceiling(days.Count / 12.0));
        for (var d = 0; d < days.Count; d += every)
        {
            var x = Left + (slot * d) + (slot / 2);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"middle\">{days[d]:MM-dd}</text>\n");
        }

        html.Append("</g>\n");
        var stacked = new int[days.Count];
        for (var s = 0; s < series.Count; s++)
        {
            var one = series[s];
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"series\" data-campaign=\"{HtmlEncode(one.Campaign)}\" data-stage=\"{HtmlEncode(one.Stage)}\" data-total=\"{one.Total}\" fill=\"{Colour(s)}\">\n");
            for (var d = 0; d < days.Count; d++)
            {
                var sent = one.SentPerDay[d];
                if (sent == 0)
                {
                    continue;
                }

                var y0 = Top + plotHeight - (plotHeight * stacked[d] / top);
                var h = plotHeight * sent / top;
                stacked[d] += sent;
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{F(Left + (slot * d) + ((slot - bar) / 2))}\" y=\"{F(y0 - h)}\" width=\"{F(bar)}\" height=\"{F(h)}\"><title>{days[d]:yyyy-MM-dd} {HtmlEncode(one.Stage)}: {sent.ToString("N0", CultureInfo.InvariantCulture)} sent</title></rect>\n");
            }

            html.Append("</g>\n");
        }

        html.Append("</svg>\n<ul class=\"legend\">\n");
        for (var s = 0; s < series.Count; s++)
        {
            var campaigns = series.Select(x => x.Campaign).Distinct(StringComparer.Ordinal).Count();
            var label = campaigns > 1 ? $"{series[s].Campaign} / {series[s].Stage}" : series[s].Stage;
            html.Append(CultureInfo.InvariantCulture,
                $"<li data-stage=\"{HtmlEncode(series[s].Stage)}\"><span class=\"swatch\" style=\"background:{Colour(s)}\"></span>{HtmlEncode(label)} ({series[s].Total.ToString("N0", CultureInfo.InvariantCulture)})</li>\n");
        }

        html.Append("</ul>\n");
    }

    /// <summary>The axis top: the largest day rounded up to 1, 2 or 5 times a power of ten (at least 1, so an idle run still draws).</summary>
    public static int NiceCeiling(int value)
    {
        if (value <= 1)
        {
            return 1;
        }

        var power = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
