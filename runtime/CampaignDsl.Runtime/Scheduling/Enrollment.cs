namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// A contact's pass through one campaign: its number (1 for the first pass, 2 for a re-entry), when it entered, whether
/// it is in the control group, and when each stage ran for it (what <c>opened(stage)</c>, <c>purchased_since(stage)</c>
/// and stage anchors refer to).
/// </summary>
public sealed class Enrollment(string campaign, DateTimeOffset enteredAt, bool control, int number = 1)
{
    private readonly Dictionary<string, DateTimeOffset> _stageRuns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);

    public string Campaign { get; } = campaign;

    public DateTimeOffset EnteredAt { get; } = enteredAt;

    /// <summary>
    /// Which pass this is, counted as the contact enters: decided once, when it enters, so that a run replaying a longer
    /// stretch of time names each pass as an earlier run did (the idempotency keys of its sends depend on it).
    /// </summary>
    public int Number { get; } = number;

    public bool Control { get; } = control;

    public bool Finished { get; set; }

    /// <summary>Up to when exits and the goal have been checked, so each event is looked at once.</summary>
    public DateTimeOffset? LastChecked { get; set; }

    public DateTimeOffset? StageRanAt(string stage) => _stageRuns.TryGetValue(stage, out var at) ? at : null;

    public void MarkRun(string stage, DateTimeOffset at) => _stageRuns[stage] = at;

    /// <summary>Notes an offer (incentive) the contact was sent (or, in the control group, would have been).</summary>
    public void Give(string incentive) => _given.Add(incentive);

    /// <summary>Whether any message of this pass went out: a contact never reached has not failed to respond.</summary>
    public bool Reached { get; set; }

    public bool WasGiven(string incentive) => _given.Contains(incentive);

    /// <summary>When each stage ran: what a journey's state keeps.</summary>
    internal IReadOnlyDictionary<string, DateTimeOffset> StageRuns => _stageRuns;

    /// <summary>The offers given, in no particular order.</summary>
    internal IEnumerable<string> Given => _given;
}
