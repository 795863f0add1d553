using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>Something due in a contact's journey at <see cref="At"/>: the queue holds these, taken in time order.</summary>
internal abstract record JourneyWork(ScheduledCampaign Campaign, DateTimeOffset At);

/// <param name="Event">The event that gives the chance (<c>entry on</c>); null for a date, the start or a day.</param>
/// <param name="HandedOffBy">The campaign that hands the contact over; the entry's own condition does not apply then.</param>
/// <param name="Daily">For <c>entry daily</c>: the next day's check is queued when this one is taken.</param>
internal sealed record EntryCheck(ScheduledCampaign Campaign, DateTimeOffset At, ContactEvent? Event, string? HandedOffBy, bool Daily = false)
    : JourneyWork(Campaign, At);

internal sealed record StageDue(ScheduledCampaign Campaign, DateTimeOffset At, Enrollment Enrollment, PlanStage Stage) : JourneyWork(Campaign, At);

/// <summary>One send of a stage, waiting for the moment the window or the cap moved it to; <paramref name="Capped"/>: the cap moved it.</summary>
internal sealed record SendDue(ScheduledCampaign Campaign, DateTimeOffset At, StageSends Group, PlanSend Send, string? Variant, bool Capped)
    : JourneyWork(Campaign, At);

/// <summary>With a forecast, the end of a campaign waits for the reactions to its last send.</summary>
internal sealed record FinishDue(ScheduledCampaign Campaign, DateTimeOffset At, Enrollment Enrollment) : JourneyWork(Campaign, At);
