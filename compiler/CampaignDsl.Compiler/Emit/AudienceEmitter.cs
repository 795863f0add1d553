using CampaignDsl.Compiler.Ast;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The audience: its condition, how contacts enter (<c>once</c> unless the campaign says) and whether they
/// may enter again (<c>never</c> unless the campaign says). The first of each counts; repeats are reported by the checks.
/// </summary>
internal static class AudienceEmitter
{
    public static PlanAudience Emit(EmitContext context)
    {
        if (context.Scope.Campaign.Audiences.FirstOrDefault() is not { } audience)
        {
            return new PlanAudience(null, null, DefaultEntry, DefaultReentry);
        }

        var id = context.Id("audience", audience);
        var where = audience.Conditions.FirstOrDefault() is { } condition ? context.Expression(condition.Condition, "audience.where") : null;
        var entry = audience.Entries.FirstOrDefault() is { } declared ? Entry(context, declared) : DefaultEntry;
        var reentry = audience.Reentries.FirstOrDefault() is { } policy ? Reentry(context, policy) : DefaultReentry;
        return new PlanAudience(id, where, entry, reentry);
    }

    private static PlanEntry DefaultEntry { get; } = new(null, EntryModes.Once, null, null, null, null);

    private static PlanReentry DefaultReentry { get; } = new(null, PlanReentry.Never, null);

    private static PlanEntry Entry(EmitContext context, EntryDecl entry)
    {
        var id = context.Id("audience.entry", entry);
        switch (entry.Mode)
        {
            case EntryDaily:
                return new PlanEntry(id, EntryModes.Daily, null, null, null, null);
            case EntryOn on:
                var at = on.At is { } time ? PlanValues.Time(time.Value) : null;
                var trigger = on.Trigger.Name;
                if (on.Anniversary)
                {
                    return new PlanEntry(id, EntryModes.Anniversary, null, trigger, at, null);
                }

                if (context.Scope.Events.Contains(trigger))
                {
                    var when = on.Condition is { } condition ? context.Expression(condition, "audience.entry.when") : null;
                    return new PlanEntry(id, EntryModes.Event, trigger, null, at, when);
                }

                return new PlanEntry(id, EntryModes.Date, null, trigger, at, null);
            default:
                return new PlanEntry(id, EntryModes.Once, null, null, null, null);
        }
    }

    private static PlanReentry Reentry(EmitContext context, ReentryPolicy policy) => policy.After is { } after
        ? new PlanReentry(context.Id("audience.reentry", policy), PlanReentry.After, PlanValues.Seconds(after))
        : new PlanReentry(context.Id("audience.reentry", policy), PlanReentry.Never, null);
}
