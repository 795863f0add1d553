namespace Campaignc.Output.Html;

/// <summary>
/// What the HTML report of <c>campaignc simulate --report</c> shows, decided apart from how it is drawn
/// (<see cref="HtmlReportWriter"/>): the run, the sends per day per stage, the funnel, the A/B split,
/// the holdout, sample messages and, when the run made one, the engagement forecast.
/// </summary>
public sealed record SimulationReportModel(
    ReportHeader Header,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<CampaignFunnel> Funnels,
    IReadOnlyList<SubjectShare> Subjects,
    IReadOnlyList<HoldoutSplit> Holdouts,
    IReadOnlyList<SampleMessage> Samples,
    IReadOnlyList<ForecastRow>? Forecast = null);

/// <summary>The run: campaigns, period, data source, contacts read and the seed.</summary>
public sealed record ReportHeader(
    IReadOnlyList<string> Campaigns, DateOnly Start, int Days, string DataSource, int Contacts, long Seed, long BadRows);

/// <summary>One stage's sends on each day of the run (one value per <see cref="SimulationReportModel.Days"/>): one series of the chart.</summary>
public sealed record ChartSeries(string Campaign, string Stage, IReadOnlyList<int> SentPerDay)
{
    public int Total => SentPerDay.Sum();
}

/// <summary>A campaign from entry to its last stage: how many entered, then what each stage did, then how it ended.</summary>
public sealed record CampaignFunnel(string Campaign, int Entered, IReadOnlyList<FunnelStep> Steps, int Handoffs, int FinalActions);

/// <summary>One stage of a funnel.</summary>
public sealed record FunnelStep(string Stage, int Sent, int Holdout, int Skipped, int Unreachable, int Capped, int Exits);

/// <summary>One subject line of an A/B test: its planned weight and the share of the stage's sends it got.</summary>
public sealed record SubjectShare(string Campaign, string Stage, string SendId, string VariantId, string Text, decimal Weight, int Sent, double Share);

/// <summary>A campaign's control group (held out, nothing sent) against the contacts it treated.</summary>
/// <param name="ControlResponded">Control contacts who finished or left having responded (never handed off).</param>
/// <param name="ControlNoResponse">Control contacts who finished without responding (never given the final action).</param>
public sealed record HoldoutSplit(string Campaign, decimal Percent, int Control, int Treated, int ControlResponded = 0, int ControlNoResponse = 0)
{
    public double ControlShare => Control + Treated == 0 ? 0 : (double)Control / (Control + Treated);
}

/// <summary>The messages a stage sent its first contact, rendered as that contact received them.</summary>
public sealed record SampleMessage(string Campaign, string Stage, string ContactId, DateTimeOffset AtUtc, IReadOnlyList<SampleSend> Sends);

/// <summary>One rendered send: the subject the contact drew, preheader, body (HTML for email templates), and anything that kept it from rendering.</summary>
public sealed record SampleSend(string SendId, string Channel, string? Subject, string? Preheader, string? Body, bool BodyIsHtml, IReadOnlyList<string> Problems);

/// <summary>
/// What the engagement forecast predicts for one stage (<c>StageTally.Opened</c> ...), shown when the run made a
/// forecast (<c>--forecast</c>); without one the section is left out.
/// </summary>
public sealed record ForecastRow(string Campaign, string Stage, double Opens, double Clicks, double Conversions);
