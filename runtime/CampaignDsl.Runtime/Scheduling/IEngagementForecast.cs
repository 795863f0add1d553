using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// How contacts react to what the scheduler sends: the events (opens, clicks, purchases, unsubscribes) one send
/// causes, and the purchases a contact makes on its own. The scheduler adds them to the contact's history as they
/// happen, so exits, goals, stage conditions and the final "engaged" test see them. Implementations are deterministic.
/// </summary>
public interface IEngagementForecast
{
    /// <summary>The events one delivered send causes, each at or after <see cref="ForecastSend.At"/>, oldest first.</summary>
    IReadOnlyList<ContactEvent> Reactions(ForecastSend send);

    /// <summary>A purchase the contact makes during an enrollment whether mailed or not (treated and control alike); null for none.</summary>
    ContactEvent? Organic(CampaignPlan plan, string contactId, DateTimeOffset enteredAt);

    /// <summary>How long after a send its reactions can come; a campaign finishes this long after its last send, so they count.</summary>
    TimeSpan ReactionWindow { get; }
}

/// <summary>One delivered send: the campaign, the stage (and its place, 1-based), the message and the moment it went out.</summary>
public sealed record ForecastSend(CampaignPlan Plan, PlanStage Stage, int Position, PlanSend Send, string ContactId, DateTimeOffset At);
