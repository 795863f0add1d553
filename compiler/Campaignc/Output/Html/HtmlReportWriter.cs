using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace Campaignc.Output.Html;

/// <summary>
/// Writes a <see cref="SimulationReportModel"/> as one self-contained HTML page: inline CSS, an inline SVG chart,
/// a few lines of inline script, and no URL the browser would fetch. A Content-Security-Policy forbids any
/// fetch, so even a sample email that links an image stays offline. Script errors, should any occur, are
/// written into the page (<c>#script-errors</c>) as well as the console, so a reader and a test both see them.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1000px;color:#1b1b1b;padding:0 16px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        h3{font-size:15px;margin:16px 0 6px}
        table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:left}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        dl.run{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}dl.run dt{color:#666}dl.run dd{margin:0}
        svg.chart{width:100%;height:auto;background:#fff}svg.chart .axis line{stroke:#e4e4e4}svg.chart .axis text{font-size:11px;fill:#555}
        svg.chart g.series rect:hover{opacity:.75}
        ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px;margin:6px 0}
        .swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border-radius:2px}
        .bar{display:inline-block;height:10px;background:#0072B2;vertical-align:middle;border-radius:2px}
        .sample{border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:10px 0}
        .sample .meta{color:#666;font-size:12px}.problem{color:#a00}
        iframe.body{width:100%;height:320px;border:1px solid #ccc;background:#fff}
        pre.body{white-space:pre-wrap;background:#f6f6f6;padding:8px;border-radius:4px}
        #script-errors:empty{display:none}#script-errors{color:#a00;border:1px solid #a00;padding:8px}
        """;

    // Collects errors into the page and shows which series the pointer is over; nothing here reaches the network.
    private const string Script = """
        (function () {
          var box = document.getElementById('script-errors');
          window.addEventListener('error', function (e) {
            var item = document.createElement('li');
            item.textContent = String(e.message || e);
            box.appendChild(item);
          });
          var status = document.getElementById('chart-status');
          document.querySelectorAll('svg.chart g.series').forEach(function (g) {
            g.addEventListener('mouseover', function () { status.textContent = g.getAttribute('data-stage') + ': ' + g.getAttribute('data-total') + ' sent'; });
          });
          document.body.setAttribute('data-ready', 'true');
        })();
        """;

    public static string Write(SimulationReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var h = report.Header;
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>Simulation: {HtmlEncode(string.Join(", ", h.Campaigns))}</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<ul id=\"script-errors\"></ul>\n");
        Header(html, h);
        html.Append("<h2>Sends per day</h2>\n");
        SvgTimelineChart.Write(html, report.Days, report.Series);
        html.Append("<p id=\"chart-status\" class=\"meta\"></p>\n");
        Funnels(html, report);
        if (report.Forecast is { Count: > 0 } forecast)
        {
            Forecast(html, forecast);
        }

        Subjects(html, report.Subjects);
        Holdouts(html, report.Holdouts);
        Samples(html, report.Samples);
        html.Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ReportHeader h)
    {
        var end = h.Start.AddDays(h.Days - 1);
        html.Append(CultureInfo.InvariantCulture, $"<h1>Simulation of {HtmlEncode(string.Join(", ", h.Campaigns))}</h1>\n")
            .Append("<p class=\"meta\">A dry run on a virtual clock: nothing was sent.</p>\n<dl class=\"run\">\n")
            .Append(CultureInfo.InvariantCulture, $"<dt>campaigns</dt><dd>{HtmlEncode(string.Join(", ", h.Campaigns))}</dd>\n")
            .Append(CultureInfo.InvariantCulture, $"<dt>period</dt><dd>{h.Start:yyyy-MM-dd} to {end:yyyy-MM-dd} (UTC), {h.Days} days</dd>\n")
            .Append(CultureInfo.InvariantCulture, $"<dt>data</dt><dd>{HtmlEncode(h.DataSource)}</dd>\n")
            .Append(CultureInfo.InvariantCulture, $"<dt>contacts</dt><dd>{N(h.Contacts)}</dd>\n")
            .Append(CultureInfo.InvariantCulture, $"<dt>seed</dt><dd>{h.Seed}</dd>\n");
        if (h.BadRows > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>bad rows</dt><dd class=\"problem\">{N(h.BadRows)} left out (see the terminal)</dd>\n");
        }

        html.Append("</dl>\n");
    }

    private static void Funnels(StringBuilder html, SimulationReportModel report)
    {
        html.Append("<h2>Funnel</h2>\n");
        foreach (var funnel in report.Funnels)
        {
            var widest = Math.Max(1, Math.Max(funnel.Entered, funnel.Steps.Select(s => s.Sent + s.Holdout).DefaultIfEmpty(0).Max()));
            html.Append(CultureInfo.InvariantCulture, $"<h3>{HtmlEncode(funnel.Campaign)}</h3>\n<table class=\"funnel\" data-campaign=\"{HtmlEncode(funnel.Campaign)}\">\n")
                .Append("<tr><th>step</th><th class=\"n\">sent</th><th class=\"n\">holdout</th><th class=\"n\">skipped</th><th class=\"n\">unreachable</th><th class=\"n\">capped</th><th class=\"n\">exits</th><th></th></tr>\n")
                .Append(CultureInfo.InvariantCulture, $"<tr><td>entered</td><td class=\"n\">{N(funnel.Entered)}</td><td></td><td></td><td></td><td></td><td></td><td>{Bar(funnel.Entered, widest)}</td></tr>\n");
            foreach (var step in funnel.Steps)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr data-stage=\"{HtmlEncode(step.Stage)}\"><td>{HtmlEncode(step.Stage)}</td><td class=\"n\">{N(step.Sent)}</td><td class=\"n\">{N(step.Holdout)}</td><td class=\"n\">{N(step.Skipped)}</td><td class=\"n\">{N(step.Unreachable)}</td><td class=\"n\">{N(step.Capped)}</td><td class=\"n\">{N(step.Exits)}</td><td>{Bar(step.Sent, widest)}</td></tr>\n");
            }

            html.Append(CultureInfo.InvariantCulture, $"<tr><td>finished</td><td colspan=\"7\">{N(funnel.Handoffs)} handed off, {N(funnel.FinalActions)} final actions</td></tr>\n</table>\n");
        }
    }

    private static void Forecast(StringBuilder html, IReadOnlyList<ForecastRow> forecast)
    {
        html.Append("<h2>Forecast</h2>\n<table class=\"forecast\">\n<tr><th>campaign</th><th>stage</th><th class=\"n\">opens</th><th class=\"n\">clicks</th><th class=\"n\">conversions</th></tr>\n");
        foreach (var row in forecast)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{HtmlEncode(row.Campaign)}</td><td>{HtmlEncode(row.Stage)}</td><td class=\"n\">{row.Opens:N0}</td><td class=\"n\">{row.Clicks:N0}</td><td class=\"n\">{row.Conversions:N0}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Subjects(StringBuilder html, IReadOnlyList<SubjectShare> subjects)
    {
        html.Append("<h2>A/B subject lines</h2>\n");
        if (subjects.Count == 0)
        {
            html.Append("<p>No send has more than one subject line.</p>\n");
            return;
        }

        html.Append("<table class=\"ab\">\n<tr><th>campaign</th><th>stage</th><th>subject</th><th class=\"n\">weight</th><th class=\"n\">sent</th><th class=\"n\">share</th></tr>\n");
        foreach (var s in subjects)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-send=\"{HtmlEncode(s.SendId)}\"><td>{HtmlEncode(s.Campaign)}</td><td>{HtmlEncode(s.Stage)}</td><td>{HtmlEncode(s.Text)}</td><td class=\"n\">{s.Weight:0.##}%</td><td class=\"n\">{N(s.Sent)}</td><td class=\"n\">{s.Share:P1}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Holdouts(StringBuilder html, IReadOnlyList<HoldoutSplit> holdouts)
    {
        html.Append("<h2>Holdout</h2>\n");
        if (holdouts.Count == 0)
        {
            html.Append("<p>No campaign holds out a control group.</p>\n");
            return;
        }

        html.Append("<table class=\"holdout\">\n<tr><th>campaign</th><th class=\"n\">planned</th><th class=\"n\">control</th><th class=\"n\">treated</th><th class=\"n\">control share</th><th class=\"n\">control responded</th><th class=\"n\">control no response</th></tr>\n");
        foreach (var s in holdouts)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{HtmlEncode(s.Campaign)}</td><td class=\"n\">{s.Percent:0.##}%</td><td class=\"n\">{N(s.Control)}</td><td class=\"n\">{N(s.Treated)}</td><td class=\"n\">{s.ControlShare:P1}</td><td class=\"n\">{N(s.ControlResponded)}</td><td class=\"n\">{N(s.ControlNoResponse)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Samples(StringBuilder html, IReadOnlyList<SampleMessage> samples)
    {
        html.Append("<h2>Sample messages</h2>\n<p class=\"meta\">Each stage's first contact, rendered as it would receive the messages (links point nowhere real).</p>\n");
        foreach (var sample in samples)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<section class=\"sample\" data-campaign=\"{HtmlEncode(sample.Campaign)}\" data-stage=\"{HtmlEncode(sample.Stage)}\">\n<h3>{HtmlEncode(sample.Campaign)} / {HtmlEncode(sample.Stage)}</h3>\n")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">contact {HtmlEncode(sample.ContactId)}, {sample.AtUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC</p>\n");
            foreach (var send in sample.Sends)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{HtmlEncode(send.SendId)} ({HtmlEncode(send.Channel)})</p>\n");
                if (send.Subject is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p><strong>Subject:</strong> {HtmlEncode(send.Subject)}</p>\n");
                }

                if (send.Preheader is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p><strong>Preheader:</strong> {HtmlEncode(send.Preheader)}</p>\n");
                }

                if (send.Body is not null)
                {
                    // A sandbox without allow-scripts or allow-same-origin: the email's markup shows, nothing of it runs.
                    html.Append(send.BodyIsHtml
                        ? $"<iframe class=\"body\" sandbox=\"\" title=\"{HtmlEncode(send.SendId)}\" srcdoc=\"{HtmlEncode(send.Body)}\"></iframe>\n"
                        : $"<pre class=\"body\">{HtmlEncode(send.Body)}</pre>\n");
                }

                foreach (var problem in send.Problems)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">{HtmlEncode(problem)}</p>\n");
                }
            }

            html.Append("</section>\n");
        }
    }

    private static string Bar(int value, int widest) =>
        string.Create(CultureInfo.InvariantCulture, $"<span class=\"bar\" style=\"width:{Math.Round(300.0 * value / widest)}px\"></span>");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
