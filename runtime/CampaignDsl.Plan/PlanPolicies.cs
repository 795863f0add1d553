using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>How and how often the campaign may send, what it aims at and how it ends. Each is null when not set.</summary>
public sealed record PlanPolicies(
    PlanDailyWindow? SendWindow,
    PlanDailyWindow? QuietHours,
    PlanCap? Cap,
    PlanHoldout? Holdout,
    PlanSendTimeOptimization? SendTimeOptimization,
    PlanGoal? Goal,
    ImmutableArray<PlanExit> Exits,
    PlanHandoff? Handoff,
    PlanFinalAction? FinalAction);

/// <summary>A daily window of local time (<c>HH:mm</c>); it runs past midnight when <see cref="End"/> is before <see cref="Start"/>.</summary>
public sealed record PlanDailyWindow(string? Id, string Start, string End);

/// <summary>
/// At most <see cref="Count"/> messages to one contact in any <see cref="PeriodSeconds"/>, counting
/// every campaign run together. <see cref="WhenCapped"/> is <c>defer</c>: a send over the cap waits for
/// the next slot the cap allows.
/// </summary>
public sealed record PlanCap(string Id, int Count, long PeriodSeconds, string WhenCapped)
{
    public const string Defer = "defer";
}

/// <summary>The share of the audience (0-100) kept as a control group that gets no sends.</summary>
public sealed record PlanHoldout(string Id, decimal Percent);

/// <summary>Whether sends move to each contact's most active hour inside their stage's window.</summary>
public sealed record PlanSendTimeOptimization(string Id, bool Enabled);

/// <summary>The conversion the campaign is measured by: <see cref="Event"/> within <see cref="WithinSeconds"/> of entry.</summary>
public sealed record PlanGoal(string Id, string Event, long WithinSeconds);

/// <summary>A contact leaves the campaign as soon as <see cref="When"/> holds.</summary>
public sealed record PlanExit(string Id, PlanExpression When);

/// <summary>Contacts who finish the campaign are enrolled in <see cref="Campaign"/>.</summary>
public sealed record PlanHandoff(string Id, string Campaign);

/// <summary>What happens to contacts who never responded: <see cref="Action"/> <c>suppress</c>, <c>tag</c> or <c>unsubscribe</c>, with its <see cref="Argument"/> (a list or tag name).</summary>
public sealed record PlanFinalAction(string Id, string Action, string? Argument);
