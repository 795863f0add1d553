namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// The sends of one stage for one contact while they go out, each possibly moved by the window or the cap: the stage
/// ran when the first of them went out (or was settled: capped, or moved past the end), and only then do the next
/// stage's timing and the campaign's finish follow from it.
/// </summary>
internal sealed class StageSends(Enrollment enrollment, Plan.PlanStage stage, DateTimeOffset due, int sends)
{
    /// <summary>Sends not settled yet: the stage runs on only when every one of them is (a campaign never finishes with a send still waiting).</summary>
    private int _open = sends;

    public Enrollment Enrollment { get; } = enrollment;

    public Plan.PlanStage Stage { get; } = stage;

    /// <summary>When the stage fell due: the <c>deferred_from_utc</c> of a send that went out later.</summary>
    public DateTimeOffset Due { get; } = due;

    /// <summary>While the stage hands out its sends, the first one settled waits, so all of the stage's rows come before what follows it.</summary>
    public bool Offering { get; set; } = true;

    /// <summary>The moment the first send was settled; null until then.</summary>
    public DateTimeOffset? RanAt { get; private set; }

    public bool Continued { get; private set; }

    /// <summary>Sends not settled yet.</summary>
    public int Open => _open;

    /// <summary>The stage as a journey's state kept it (its enrolment already knows when it ran).</summary>
    public static StageSends Restore(
        Enrollment enrollment, Plan.PlanStage stage, DateTimeOffset due, int open, bool offering, DateTimeOffset? ranAt, bool continued, DateTimeOffset? doneAt) =>
        new(enrollment, stage, due, open) { Offering = offering, RanAt = ranAt, Continued = continued, DoneAt = doneAt };

    /// <summary>The moment the last send was settled: when the stage is done, and so when a campaign it ends finishes.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>
    /// Notes that one send was settled at <paramref name="at"/> (the first one's moment is when the stage ran, what later
    /// stages count from); true when the stage now runs on: offering is over and every send is settled.
    /// </summary>
    public bool Settled(DateTimeOffset at)
    {
        if (RanAt is null)
        {
            RanAt = at;
            Enrollment.MarkRun(Stage.Name, at);
        }

        _open--;
        DoneAt = DoneAt is { } done && done > at ? done : at;
        return TryContinue();
    }

    /// <summary>True once, when the stage has a moment it ran and its sends are all settled and handed out.</summary>
    public bool TryContinue()
    {
        if (Offering || Continued || RanAt is null || _open > 0)
        {
            return false;
        }

        Continued = true;
        return true;
    }
}
