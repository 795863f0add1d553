using CampaignDsl.Plan;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>The engagement forecast's counts per campaign, in plan order, gathered from each contact's timeline.</summary>
public sealed class ForecastSummary
{
    private readonly Dictionary<string, (CampaignForecast Forecast, ScheduledCampaign Campaign)> _byName = new(StringComparer.Ordinal);
    private readonly List<CampaignForecast> _ordered = [];

    public ForecastSummary(IEnumerable<CampaignPlan> plans)
    {
        foreach (var plan in plans)
        {
            var forecast = new CampaignForecast(plan.Campaign.Name);
            _byName[plan.Campaign.Name] = (forecast, new ScheduledCampaign(plan));
            _ordered.Add(forecast);
        }
    }

    public IReadOnlyList<CampaignForecast> Campaigns => _ordered;

    public void AddContact(IReadOnlyList<TimelineEntry> timeline)
    {
        foreach (var rows in timeline.GroupBy(e => e.Campaign, StringComparer.Ordinal))
        {
            if (!_byName.TryGetValue(rows.Key, out var found))
            {
                continue;
            }

            var (forecast, campaign) = found;
            var exposed = false;
            var reactivated = false;
            foreach (var row in rows)
            {
                switch (row.Status)
                {
                    case TimelineStatus.Sent:
                        forecast.Sent++;
                        exposed = true;
                        break;
                    case TimelineStatus.Holdout:
                        exposed = true;
                        break;
                    case TimelineStatus.Opened:
                        forecast.Opens++;
                        break;
                    case TimelineStatus.Clicked:
                        forecast.Clicks++;
                        break;
                    case TimelineStatus.Unsubscribed:
                        forecast.Unsubscribes++;
                        break;
                    case TimelineStatus.Converted:
                        reactivated = true;
                        if (row.Reason == TimelineReasons.Organic)
                        {
                            forecast.OrganicConversions++;
                        }
                        else
                        {
                            forecast.Conversions++;
                        }

                        break;
                    case TimelineStatus.Exit when row.Reason?.StartsWith("goal reached", StringComparison.Ordinal) == true:
                        reactivated = true;
                        break;
                }
            }

            if (!exposed)
            {
                continue;
            }

            if (campaign.IsControl(rows.First().ContactId))
            {
                forecast.Control++;
                forecast.ControlReactivated += reactivated ? 1 : 0;
            }
            else
            {
                forecast.Treated++;
                forecast.TreatedReactivated += reactivated ? 1 : 0;
            }
        }
    }
}
