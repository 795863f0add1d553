using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>
/// When each stage of a campaign is sent, counted from the contact's entry: a stage waits its <c>after</c>
/// window from its anchor (<c>from</c> a stage or <c>entry</c>; by default the stage before it; the first
/// stage from entry; no <c>after</c> is no wait). A skipped stage (its condition did not hold) still marks
/// the moment the stages anchored on it count from. Stages whose anchor is unknown or later have no time.
/// </summary>
public sealed class StageSchedule
{
    private readonly Dictionary<StageDecl, Slot> _slots = new(ReferenceEqualityComparer.Instance);

    private StageSchedule()
    {
    }

    public static StageSchedule Of(CampaignDecl campaign)
    {
        var schedule = new StageSchedule();
        var byName = new Dictionary<string, StageDecl>(StringComparer.Ordinal);
        StageDecl? previous = null;
        foreach (var stage in campaign.Stages)
        {
            var anchorName = stage.Timing?.Anchor;
            Slot? anchor = anchorName switch
            {
                null => previous is null ? Slot.Entry : schedule._slots.GetValueOrDefault(previous),
                { IsMissing: true } => null,
                { Name: Checks.StageTimingCheck.EntryAnchor } => Slot.Entry,
                _ => byName.TryGetValue(anchorName.Name, out var earlier) ? schedule._slots.GetValueOrDefault(earlier) : null,
            };

            if (anchor is not null)
            {
                var (min, max) = Wait(stage.Timing);
                schedule._slots[stage] = new Slot(anchor.Earliest + min, anchor.Latest + max, anchor, anchor.Depth + 1);
            }

            if (!stage.Name.IsMissing)
            {
                byName.TryAdd(stage.Name.Name, stage);
            }

            previous = stage;
        }

        return schedule;
    }

    /// <summary>The earliest and latest moment after entry the stage is sent; null when its timing cannot be worked out.</summary>
    public (TimeSpan Earliest, TimeSpan Latest)? FromEntry(StageDecl stage) =>
        _slots.TryGetValue(stage, out var slot) ? (slot.Earliest, slot.Latest) : null;

    /// <summary>
    /// The shortest time any contact has between the send of <paramref name="from"/> and that of <paramref name="to"/>;
    /// negative when <paramref name="to"/> may come first; null when either has no time.
    /// </summary>
    public TimeSpan? MinimumDelay(StageDecl from, StageDecl to)
    {
        if (!_slots.TryGetValue(from, out var start) || !_slots.TryGetValue(to, out var end))
        {
            return null;
        }

        // When `to` waits for `from` (directly or through others), the shortest waits between them add up: the
        // difference of their earliest moments, which are those sums from entry.
        return end.IsOrWaitsFor(start) ? end.Earliest - start.Earliest : end.Earliest - start.Latest;
    }

    private static (TimeSpan Min, TimeSpan Max) Wait(StageTiming? timing)
    {
        if (timing is null)
        {
            return (TimeSpan.Zero, TimeSpan.Zero);
        }

        var min = timing.Earliest.Amount > 0 ? timing.Earliest.Value : TimeSpan.Zero;
        var max = timing.Latest is { Amount: > 0 } latest && latest.Value > min ? latest.Value : min;
        return (min, max);
    }

    /// <summary>
    /// A stage's window from entry, and the slot it waits for (its anchor; none for entry itself), <paramref name="Depth"/>
    /// steps from entry. Each slot points at its anchor rather than copying the whole chain: a campaign of n stages in a row
    /// would otherwise hold n²/2 references.
    /// </summary>
    private sealed record Slot(TimeSpan Earliest, TimeSpan Latest, Slot? Anchor, int Depth)
    {
        public static readonly Slot Entry = new(TimeSpan.Zero, TimeSpan.Zero, null, 0);

        /// <summary>Whether this slot is <paramref name="other"/> or waits for it, directly or through others.</summary>
        public bool IsOrWaitsFor(Slot other)
        {
            var current = this;
            while (current.Depth > other.Depth)
            {
                current = current.Anchor!;
            }

            return ReferenceEquals(current, other);
        }
    }
}
