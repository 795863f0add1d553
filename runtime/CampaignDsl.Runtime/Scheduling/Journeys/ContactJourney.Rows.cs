using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>The timeline rows a journey records.</summary>
internal sealed partial class ContactJourney
{
    /// <param name="of">The pass the row belongs to, when it is not the contact's current one (a send that waited).</param>
    private void Record(ScheduledCampaign campaign, DateTimeOffset at, string? stage, string status, string? reason, Enrollment? of = null)
    {
        var zone = Zone(campaign);
        _timeline.Add(new TimelineEntry(at, LocalClock.ToLocal(at, zone), zone.Id, _history.Contact.Id, campaign.Name, stage, status, Reason: reason,
            EnteredAt: of?.EnteredAt ?? EnteredAt(campaign), Enrolment: of?.Number ?? EnrolmentOf(campaign)));
    }

    /// <summary>Records a send that cannot reach the contact; always true, so it reads as a filter.</summary>
    private bool RecordUnreachable(ScheduledCampaign campaign, PlanStage stage, PlanSend send, string? variant, DateTimeOffset due, TimeZoneInfo zone, string reason)
    {
        var subject = SubjectChoice.Pick(send, campaign.Name, _history.Contact.Id);
        _timeline.Add(new TimelineEntry(
            due, LocalClock.ToLocal(due, zone), zone.Id, _history.Contact.Id, campaign.Name, stage.Name, TimelineStatus.Unreachable,
            send.Channel, send.Id, variant, subject?.Id, subject?.Text, Reason: reason, EnteredAt: EnteredAt(campaign), Enrolment: EnrolmentOf(campaign)));
        return true;
    }

    /// <summary>When the contact's current pass through the campaign began: which enrolment a row belongs to.</summary>
    private DateTimeOffset? EnteredAt(ScheduledCampaign campaign) => _current.GetValueOrDefault(campaign.Name)?.EnteredAt;

    /// <summary>The number of the contact's current pass through the campaign.</summary>
    private int? EnrolmentOf(ScheduledCampaign campaign) => _current.GetValueOrDefault(campaign.Name)?.Number;
}
