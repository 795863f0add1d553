using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>What one stage of one campaign did over the run. A stage of <c>null</c> collects what happened at the end (hand-offs, final actions).</summary>
public sealed class StageTally(string campaign, string? stage)
{
    public string Campaign { get; } = campaign;

    public string? Stage { get; } = stage;

    public int Sent { get; private set; }

    public int Deferred { get; private set; }

    public int Holdout { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Sends that could not reach the contact (docs/runtime.md, "Reachability").</summary>
    public int Unreachable { get; private set; }

    public int Capped { get; private set; }

    public int Exits { get; private set; }

    public int Handoffs { get; private set; }

    public int FinalActions { get; private set; }

    /// <summary>Control-group contacts who finished or left having responded: what a hand-off would have taken (only on the <c>null</c> stage).</summary>
    public int ControlResponded { get; private set; }

    /// <summary>Control-group contacts who finished without responding: what the final action would have reached.</summary>
    public int ControlNoResponse { get; private set; }

    /// <summary>Opens the engagement forecast predicts (zero without <c>--forecast</c>); so too the three below.</summary>
    public int Opened { get; private set; }

    public int Clicked { get; private set; }

    public int Converted { get; private set; }

    public int Unsubscribed { get; private set; }

    public void Add(TimelineEntry entry)
    {
        switch (entry.Status)
        {
            case TimelineStatus.Sent:
                Sent++;
                if (entry.DeferredFrom is not null && entry.Reason?.StartsWith(TimelineReasons.CapPrefix, StringComparison.Ordinal) == true)
                {
                    Deferred++;
                }

                break;
            case TimelineStatus.Holdout when entry.Stage is null:
                if (entry.Reason?.StartsWith(TimelineReasons.ControlResponded, StringComparison.Ordinal) == true)
                {
                    ControlResponded++;
                }
                else
                {
                    ControlNoResponse++;
                }

                break;
            case TimelineStatus.Holdout:
                Holdout++;
                break;
            case TimelineStatus.Skipped:
                Skipped++;
                break;
            case TimelineStatus.Unreachable:
                Unreachable++;
                break;
            case TimelineStatus.Capped:
                Capped++;
                break;
            case TimelineStatus.Exit:
                Exits++;
                break;
            case TimelineStatus.Handoff:
                Handoffs++;
                break;
            case TimelineStatus.Final:
                FinalActions++;
                break;
            case TimelineStatus.Opened:
                Opened++;
                break;
            case TimelineStatus.Clicked:
                Clicked++;
                break;
            case TimelineStatus.Converted:
                Converted++;
                break;
            case TimelineStatus.Unsubscribed:
                Unsubscribed++;
                break;
        }
    }
}
