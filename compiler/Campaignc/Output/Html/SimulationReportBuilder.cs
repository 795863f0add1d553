using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Simulation.Report;
using CampaignDsl.Runtime.Templates;

namespace Campaignc.Output.Html;

/// <summary>A campaign of the run and the file it was compiled from (templates are found beside it).</summary>
public sealed record ReportedCampaign(CampaignPlan Plan, string CampaignPath);

/// <summary>
/// Decides what the simulation report shows from the run's counts (<see cref="SimulationSummary"/>) and what
/// was observed on the way (<see cref="ReportObservations"/>); renders the sample messages as preview does.
/// </summary>
public static class SimulationReportBuilder
{
    public static SimulationReportModel Build(
        SimulationSummary summary,
        ReportObservations observations,
        IReadOnlyList<ReportedCampaign> campaigns,
        SimulationPeriod period,
        int days,
        string dataSource,
        long badRows,
        ITemplateSource templates)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(period);
        var start = DateOnly.FromDateTime(period.Start.UtcDateTime);
        var header = new ReportHeader([.. campaigns.Select(c => c.Plan.Campaign.Name)], start, days, dataSource, summary.Contacts, period.Seed, badRows);
        var calendar = Enumerable.Range(0, days).Select(start.AddDays).ToList();
        var series = campaigns.SelectMany(c => c.Plan.Stages.Select(s => new ChartSeries(c.Plan.Campaign.Name, s.Name,
            [.. calendar.Select(d => summary.Daily.Of(c.Plan.Campaign.Name, s.Name, d)?.Sent ?? 0)]))).ToList();
        var renderer = MessageRenderer.CreateDefault();
        return new SimulationReportModel(
            header,
            calendar,
            series,
            [.. campaigns.Select(c => Funnel(summary, c.Plan))],
            [.. campaigns.SelectMany(c => Subjects(observations, c.Plan))],
            [.. campaigns.Where(c => c.Plan.Policies.Holdout is not null).Select(c => new HoldoutSplit(
                c.Plan.Campaign.Name, c.Plan.Policies.Holdout!.Percent, observations.Control(c.Plan.Campaign.Name), observations.Treated(c.Plan.Campaign.Name),
                Finished(summary, c.Plan)?.ControlResponded ?? 0, Finished(summary, c.Plan)?.ControlNoResponse ?? 0))],
            [.. campaigns.SelectMany(c => Samples(observations, c, renderer, templates))],
            Forecast(summary, campaigns));
    }

    /// <summary>The forecast's opens, clicks and conversions per stage, when the run made one (<c>--forecast</c>); null otherwise.</summary>
    private static List<ForecastRow>? Forecast(SimulationSummary summary, IReadOnlyList<ReportedCampaign> campaigns) =>
        summary.Forecast is null ? null
        : [.. campaigns.SelectMany(c => c.Plan.Stages.Select(s => summary.Stages.First(t => t.Campaign == c.Plan.Campaign.Name && t.Stage == s.Name)))
            .Select(t => new ForecastRow(t.Campaign, t.Stage!, t.Opened, t.Clicked, t.Converted))];

    private static CampaignFunnel Funnel(SimulationSummary summary, CampaignPlan plan)
    {
        var name = plan.Campaign.Name;
        var tallies = summary.Stages.Where(t => t.Campaign == name).ToList();
        var steps = plan.Stages.Select(s => tallies.First(t => t.Stage == s.Name))
            .Select(t => new FunnelStep(t.Stage!, t.Sent, t.Holdout, t.Skipped, t.Unreachable, t.Capped, t.Exits)).ToList();
        var finished = tallies.FirstOrDefault(t => t.Stage is null);
        return new CampaignFunnel(name, summary.Entered(name), steps, finished?.Handoffs ?? 0, finished?.FinalActions ?? 0);
    }

    /// <summary>Every send with more than one subject line: each line's weight against its share of the send's sends.</summary>
    private static IEnumerable<SubjectShare> Subjects(ReportObservations observations, CampaignPlan plan)
    {
        var counts = observations.Subjects.Where(s => s.Campaign == plan.Campaign.Name).ToList();
        foreach (var stage in plan.Stages)
        {
            foreach (var (_, send) in SendRendering.Sends(stage.Actions).Where(s => s.Send.Subjects.Length > 1))
            {
                var sent = send.Subjects.Select(s => counts.FirstOrDefault(c => c.SendId == send.Id && c.SubjectVariant == s.Id)?.Sent ?? 0).ToList();
                var total = sent.Sum();
                for (var i = 0; i < send.Subjects.Length; i++)
                {
                    var subject = send.Subjects[i];
                    yield return new SubjectShare(plan.Campaign.Name, stage.Name, send.Id, subject.Id, subject.Text, subject.Weight, sent[i], total == 0 ? 0 : (double)sent[i] / total);
                }
            }
        }
    }

    private static IEnumerable<SampleMessage> Samples(ReportObservations observations, ReportedCampaign campaign, MessageRenderer renderer, ITemplateSource templates)
    {
        var plan = campaign.Plan;
        var secret = IncentiveCodes.SecretFor(plan.Campaign.Name);
        foreach (var stage in plan.Stages)
        {
            if (observations.Sample(plan.Campaign.Name, stage.Name) is not { } sample)
            {
                continue;
            }

            var sends = SendRendering.Sends(stage.Actions).Select(s => s.Send).ToList();
            var rendered = new List<SampleSend>();
            foreach (var entry in sample.Sends)
            {
                if (sends.FirstOrDefault(s => s.Id == entry.SendId) is not { } send)
                {
                    rendered.Add(new SampleSend(entry.SendId ?? "?", entry.Channel ?? "?", null, null, null, false, [$"send {entry.SendId} is not in stage {stage.Name} of the plan"]));
                    continue;
                }

                var context = new MessageContext(plan, stage, send, sample.Contact, entry.AtUtc, MessageLinks.Default, secret);
                var message = SendRendering.Render(renderer, templates, campaign.CampaignPath, context);
                var subject = message.Subjects.FirstOrDefault(s => s.Id == entry.SubjectVariant) ?? message.Subjects.FirstOrDefault();
                rendered.Add(new SampleSend(send.Id, send.Channel, subject?.Text, message.Preheader, message.Body, IsHtml(send), message.Problems));
            }

            yield return new SampleMessage(plan.Campaign.Name, stage.Name, sample.Contact.Id, sample.Sends[0].AtUtc, rendered);
        }
    }

    /// <summary>An email template file is an HTML page; an inline body (SMS, push) is plain text.</summary>
    private static bool IsHtml(PlanSend send) => send.Channel == "email" && send.Template is not null;

    /// <summary>What happened at the end of a campaign (hand-offs, final actions, the control group's outcomes).</summary>
    private static StageTally? Finished(SimulationSummary summary, CampaignPlan plan) =>
        summary.Stages.FirstOrDefault(t => t.Stage is null && string.Equals(t.Campaign, plan.Campaign.Name, StringComparison.Ordinal));
}
