using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// The audience block: one <c>where</c>, one <c>entry</c>, one <c>reentry</c>; an entry trigger that is an
/// event type (with an optional typed <c>when</c>) or a date attribute (with an optional <c>at</c>); a
/// positive re-entry wait; and a warning when nothing narrows who enters.
/// </summary>
internal sealed class AudienceCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var audience in scope.Campaign.Audiences)
        {
            ReportRepeats(scope, diagnostics, audience.Conditions.ToList(), "where");
            ReportRepeats(scope, diagnostics, audience.Entries.ToList(), "entry");
            ReportRepeats(scope, diagnostics, audience.Reentries.ToList(), "reentry");

            var entry = audience.Entries.FirstOrDefault()?.Mode;
            if (entry is EntryOn on && !on.Trigger.IsMissing)
            {
                CheckTrigger(scope, diagnostics, on);
            }

            foreach (var reentry in audience.Reentries)
            {
                if (reentry.After is { Amount: <= 0 } after)
                {
                    diagnostics.Add(DiagnosticCatalog.DurationNotPositive(scope.At(after), scope.Tree.Source.Text.Substring(after.Span.Start, after.Span.Length)));
                }
            }

            // `entry on purchase` or `on birthday` already says who enters; `once`, `daily` or nothing with no
            // `where` takes every contact in the data.
            if (audience.Where is null && entry is null or EntryOnce or EntryDaily)
            {
                diagnostics.Add(DiagnosticCatalog.AudienceWithoutCondition(scope.At(audience.Span.Start, "audience"),
                    entry is EntryDaily ? "daily" : "once"));
            }
        }
    }

    private static void ReportRepeats<T>(CampaignScope scope, DiagnosticBag diagnostics, List<T> items, string keyword)
        where T : AudienceItem
    {
        foreach (var extra in items.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.AudienceItemGivenTwice(scope.At(extra.Span.Start, keyword), keyword, scope.At(items[0])));
        }
    }

    private static void CheckTrigger(CampaignScope scope, DiagnosticBag diagnostics, EntryOn on)
    {
        var name = on.Trigger.Name;
        var isEvent = scope.Events.Contains(name);
        var attribute = on.Trigger.Parts.Length == 1 ? scope.Schema.Find(name) : null;
        var dateAttributes = scope.Schema.Names.Where(n => scope.Schema.Find(n) == DataType.Date);
        var at = scope.At(on.Trigger);

        if (on.Anniversary)
        {
            if (attribute == DataType.Date)
            {
                return;
            }

            diagnostics.Add(isEvent || attribute is not null
                ? DiagnosticCatalog.EntryTriggerKind(at, name, isEvent ? "an event type" : attribute!.Describe() + " attribute", anniversary: true)
                : DiagnosticCatalog.EntryTriggerNotFound(at, name, anniversary: true, NameSuggester.Suggest(name, dateAttributes)));
            return;
        }

        if (isEvent)
        {
            if (on.At is { } time)
            {
                diagnostics.Add(DiagnosticCatalog.EntryOptionNotAllowed(scope.At(time), "at", name,
                    "a contact enters when the event happens; remove `at`, or enter on a date attribute"));
            }

            if (on.Condition is { } condition)
            {
                ConditionCheck.CheckCondition(scope, diagnostics, condition, "the entry condition", ExpressionSite.EntryCondition(name));
            }

            return;
        }

        if (attribute == DataType.Date)
        {
            if (on.Condition is { } condition)
            {
                diagnostics.Add(DiagnosticCatalog.EntryOptionNotAllowed(scope.At(condition), "when", name,
                    "only an event entry takes a condition; put it in the audience's `where`"));
            }

            return;
        }

        diagnostics.Add(attribute is not null
            ? DiagnosticCatalog.EntryTriggerKind(at, name, attribute.Describe() + " attribute", anniversary: false)
            : DiagnosticCatalog.EntryTriggerNotFound(at, name, anniversary: false, NameSuggester.Suggest(name, scope.Events.EventTypes.Concat(dateAttributes))));
    }
}
