using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation.Report;

/// <summary>How many sends of one send chose one subject line (<see cref="TimelineEntry.SubjectVariant"/>).</summary>
public sealed record SubjectCount(string Campaign, string Stage, string SendId, string SubjectVariant, int Sent);

/// <summary>The first contact a stage sent to, with that contact's sends of the stage, kept to render a sample.</summary>
public sealed record MessageSample(string Campaign, string Stage, Contact Contact, IReadOnlyList<TimelineEntry> Sends);

/// <summary>
/// What the HTML report needs beyond <see cref="SimulationSummary"/>, gathered contact by contact as the run
/// goes (<see cref="Observe"/>), never by keeping the timeline: counts per subject variant, control and treated
/// contacts per campaign, and one sample contact per stage. Its size is bounded by the plans, not the data.
/// </summary>
public sealed class ReportObservations
{
    private readonly Dictionary<(string, string, string, string), int> _subjects = [];
    private readonly List<(string, string, string, string)> _subjectOrder = [];
    private readonly Dictionary<string, int> _control = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _treated = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), MessageSample> _samples = [];

    /// <summary>Sent counts per subject variant, in the order the variants were first seen.</summary>
    public IReadOnlyList<SubjectCount> Subjects =>
        [.. _subjectOrder.Select(k => new SubjectCount(k.Item1, k.Item2, k.Item3, k.Item4, _subjects[k]))];

    /// <summary>Contacts of <paramref name="campaign"/> in the holdout (control group): they got holdout rows, no sends.</summary>
    public int Control(string campaign) => _control.GetValueOrDefault(campaign);

    /// <summary>Contacts who entered <paramref name="campaign"/> and were not held out.</summary>
    public int Treated(string campaign) => _treated.GetValueOrDefault(campaign);

    /// <summary>The sample of a stage: the first contact it sent to; null when it sent nothing.</summary>
    public MessageSample? Sample(string campaign, string stage) => _samples.GetValueOrDefault((campaign, stage));

    /// <summary>Counts one contact's timeline; the contact is kept only when it is a stage's first send.</summary>
    public void Observe(ContactHistory history, IReadOnlyList<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(timeline);
        foreach (var campaign in timeline.GroupBy(e => e.Campaign, StringComparer.Ordinal))
        {
            var counts = campaign.Any(e => e.Status == TimelineStatus.Holdout) ? _control : _treated;
            counts[campaign.Key] = counts.GetValueOrDefault(campaign.Key) + 1;
        }

        foreach (var entry in timeline)
        {
            if (entry.Status != TimelineStatus.Sent || entry.Stage is not { } stage)
            {
                continue;
            }

            if (entry.SubjectVariant is { } variant && entry.SendId is { } send)
            {
                var key = (entry.Campaign, stage, send, variant);
                if (!_subjects.TryGetValue(key, out var count))
                {
                    _subjectOrder.Add(key);
                }

                _subjects[key] = count + 1;
            }

            if (!_samples.ContainsKey((entry.Campaign, stage)))
            {
                var sends = timeline.Where(e => e.Status == TimelineStatus.Sent && e.Campaign == entry.Campaign && e.Stage == stage).ToList();
                _samples[(entry.Campaign, stage)] = new MessageSample(entry.Campaign, stage, history.Contact, sends);
            }
        }
    }
}
