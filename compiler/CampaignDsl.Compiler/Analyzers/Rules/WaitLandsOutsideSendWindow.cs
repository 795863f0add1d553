using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>
/// A stage whose wait always ends outside the send window, so that it always waits for the window
/// to open and the wait as written never happens. Only follows what is certain about the time of
/// day: contacts entering at a fixed time (<c>entry on birthday at 09:00</c>), the send window (the
/// policy's, else campaignc.yaml's <c>defaults.send_window</c>, less quiet hours), and each stage's
/// wait after its anchor. A stage due outside the window goes out when it next opens. Waits in
/// whole days keep the time of day, so only waits in hours and minutes (or a fixed entry time)
/// can land outside for every contact; where entry can be at any time, nothing is reported.
/// </summary>
public sealed class WaitLandsOutsideSendWindow() : LintRule("wait-lands-outside-send-window", "Wait always ends outside the send window", LintLevel.Warning,
    "A wait that always ends outside the send window (or inside quiet hours) never happens as written: every contact waits on until the " +
    "window opens, so the sequence's timing is not what it says. Benchmark: time sends to the days and hours at which contacts engaged " +
    "(seeds/000). Make the wait whole days, widen the window, or write the wait the runtime will really take.")
{
    public override void Analyze(LintContext context)
    {
        if (Allowed(context) is not { } allowed || allowed.IsEmpty || allowed.IsAll)
        {
            return;
        }

        var campaign = context.Campaign;
        var entry = EntryTimes(context.Scope.Campaign);
        if (entry.IsAll)
        {
            return;
        }

        var sent = new Dictionary<StageDecl, DayMinutes>(ReferenceEqualityComparer.Instance);
        foreach (var stage in context.Scope.Campaign.Stages)
        {
            var anchor = campaign.Timeline.AnchorOf(stage);
            var from = anchor is null ? entry : sent[anchor];
            var (earliest, latest) = SequenceTimeline.Wait(stage);
            var due = from.Shift(earliest, latest);
            if (!stage.AllSends.Any())
            {
                sent[stage] = due;
                continue;
            }

            var inWindow = due.Intersect(allowed);
            if (inWindow.IsEmpty && !due.IsEmpty)
            {
                var after = anchor is null ? $"entry (at {from})" : $"`{anchor.Name}` (sent at {from})";
                var wait = stage.Timing is null ? "at once" : $"{Durations.Range(earliest, latest)} after";
                context.Report(stage.Timing is { } timing ? timing : stage.Name,
                    $"stage `{stage.Name}` is due {wait} {after}, always at {due}, outside the send window {allowed}; every contact waits until {allowed.Openings()}: make the wait whole days or change the window");
            }

            sent[stage] = due.Except(allowed).IsEmpty ? inWindow : inWindow.Union(allowed.Openings());
        }
    }

    /// <summary>The minutes a message may go out: the send window less quiet hours; null when neither is set.</summary>
    private static DayMinutes? Allowed(LintContext context)
    {
        var window = Window(context.Campaign.Policy("send_window"))
            ?? (context.Defaults.SendWindow is { } w ? DayMinutes.Window(w.Start, w.End) : null);
        var quiet = Window(context.Campaign.Policy("quiet_hours"))
            ?? (context.Defaults.QuietHours is { } q ? DayMinutes.Window(q.Start, q.End) : null);
        if (window is null && quiet is null)
        {
            return null;
        }

        return quiet is null ? window : (window ?? DayMinutes.All()).Except(quiet);
    }

    private static DayMinutes? Window(PolicySetting? setting) => setting?.Value is TimeRangeLiteral range && range.Start.Value != range.End.Value
        ? DayMinutes.Window(range.Start.Value, range.End.Value)
        : null;

    /// <summary>When in the day contacts enter: fixed for entries on a date at a time, any time otherwise.</summary>
    private static DayMinutes EntryTimes(CampaignDecl campaign)
    {
        var entries = campaign.Audiences.SelectMany(a => a.Entries).Select(e => e.Mode).ToList();
        if (entries.Count == 0 || entries.Any(e => e is not EntryOn { At: not null }))
        {
            return DayMinutes.All();
        }

        return entries.Cast<EntryOn>().Select(e => DayMinutes.At(DayMinutes.Minute(e.At!.Value)))
            .Aggregate((a, b) => a.Union(b));
    }
}
