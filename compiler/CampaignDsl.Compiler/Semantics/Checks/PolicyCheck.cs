using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// The policy block: one of it; known settings with values of the right kind, each once; caps of at least
/// one message per positive period; a goal on an event type; a yes/no exit condition; a hand-off to a
/// campaign compiled alongside; a final action with the argument it needs; a send window with time left
/// outside the quiet hours.
/// </summary>
internal sealed class PolicyCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        var policies = scope.Campaign.Policies.ToList();
        foreach (var extra in policies.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.PolicyItemGivenTwice(scope.At(extra.Span.Start, "policy"), "the policy block", scope.At(policies[0])));
        }

        var first = new Dictionary<string, PolicyItem>(StringComparer.Ordinal);
        foreach (var item in policies.SelectMany(p => p.Items))
        {
            var (key, keyword) = item switch
            {
                PolicySetting setting => (setting.Key.Name, setting.Key.Name),
                FrequencyCap cap => ("cap per " + cap.Period.Value.TotalMinutes, "cap"),
                Goal => ("goal", "goal"),
                Handoff => ("then enroll", "then"),
                FinalAction => ("finally", "finally"),
                _ => ("", ""),
            };

            if (key.Length > 0 && !first.TryAdd(key, item))
            {
                diagnostics.Add(DiagnosticCatalog.PolicyItemGivenTwice(scope.At(item.Span.Start, keyword), item is FrequencyCap ? "a cap over this period" : $"`{keyword}`",
                    scope.At(first[key])));
                continue;
            }

            CheckItem(scope, diagnostics, item);
        }

        CheckSendWindow(scope, diagnostics, first);
    }

    private static void CheckItem(CampaignScope scope, DiagnosticBag diagnostics, PolicyItem item)
    {
        switch (item)
        {
            case PolicySetting { Key.IsMissing: false } setting:
                CheckSetting(scope, diagnostics, setting);
                break;
            case FrequencyCap cap:
                if (cap.Count.Value < 1 || cap.Count.Value != decimal.Truncate(cap.Count.Value))
                {
                    diagnostics.Add(DiagnosticCatalog.PolicyValue(scope.At(cap.Count), "cap", "a whole number of messages, at least 1, such as `cap 3 per 7d`", null));
                }

                CheckPositive(scope, diagnostics, cap.Period);
                break;
            case Goal goal:
                CheckGoal(scope, diagnostics, goal);
                break;
            case ExitRule exit:
                ConditionCheck.CheckCondition(scope, diagnostics, exit.Condition, "`exit when`", ExpressionSite.Exit);
                break;
            case Handoff { Campaign.IsMissing: false } handoff:
                CheckHandoff(scope, diagnostics, handoff);
                break;
            case FinalAction { Action.IsMissing: false } final:
                CheckFinalAction(scope, diagnostics, final);
                break;
        }
    }

    private static void CheckSetting(CampaignScope scope, DiagnosticBag diagnostics, PolicySetting setting)
    {
        var key = setting.Key.Name;
        if (!PolicySettingCatalog.All.TryGetValue(key, out var check))
        {
            diagnostics.Add(DiagnosticCatalog.PolicySettingNotFound(scope.At(setting.Key), key,
                NameSuggester.Suggest(key, PolicySettingCatalog.All.Keys.Concat(PolicySettingCatalog.Keywords))));
            return;
        }

        if (setting.Value is not MissingExpression && check(setting.Value) is { } expected)
        {
            diagnostics.Add(DiagnosticCatalog.PolicyValue(scope.At(setting.Value), key, expected, null));
        }
    }

    private static void CheckGoal(CampaignScope scope, DiagnosticBag diagnostics, Goal goal)
    {
        CheckPositive(scope, diagnostics, goal.Within);
        if (goal.Event.IsMissing || scope.Events.Contains(goal.Event.Name))
        {
            return;
        }

        diagnostics.Add(DiagnosticCatalog.GoalNotAnEvent(scope.At(goal.Event), goal.Event.Name,
            NameSuggester.Suggest(goal.Event.Name, scope.Events.EventTypes)));
    }

    private static void CheckHandoff(CampaignScope scope, DiagnosticBag diagnostics, Handoff handoff)
    {
        var name = handoff.Campaign.Name;
        var at = scope.At(handoff.Campaign);
        if (name == scope.Campaign.Name.Name)
        {
            diagnostics.Add(DiagnosticCatalog.HandoffToItself(at, name));
        }
        else if (scope.ImportedOnlyCampaigns.TryGetValue(name, out var path))
        {
            diagnostics.Add(DiagnosticCatalog.HandoffCampaignNotCompiled(at, name, path));
        }
        else if (!scope.CompiledCampaigns.Contains(name))
        {
            diagnostics.Add(DiagnosticCatalog.HandoffCampaignNotFound(at, name,
                NameSuggester.Suggest(name, scope.CompiledCampaigns.Where(c => c != scope.Campaign.Name.Name))));
        }
    }

    private static void CheckFinalAction(CampaignScope scope, DiagnosticBag diagnostics, FinalAction final)
    {
        var action = final.Action.Name;
        if (!PolicySettingCatalog.FinalActions.TryGetValue(action, out var takesArgument))
        {
            diagnostics.Add(DiagnosticCatalog.PolicyValue(scope.At(final.Action), "finally",
                "`suppress \"list\"`, `tag \"name\"` or `unsubscribe`", NameSuggester.Suggest(action, PolicySettingCatalog.FinalActions.Keys)));
        }
        else if (takesArgument && final.Argument is not { Value.Length: > 0 })
        {
            diagnostics.Add(DiagnosticCatalog.PolicyValue(scope.At(final), "finally " + action,
                action == "suppress" ? "the quoted name of a suppression list, such as `finally suppress \"sunset\"`" : "a quoted tag, such as `finally tag \"dormant\"`", null));
        }
        else if (!takesArgument && final.Argument is { } argument)
        {
            diagnostics.Add(DiagnosticCatalog.PolicyValue(scope.At(argument), "finally unsubscribe", "no argument; remove it", null));
        }
    }

    /// <summary>A send window of no length, or one the quiet hours cover whole, leaves no moment to send.</summary>
    private static void CheckSendWindow(CampaignScope scope, DiagnosticBag diagnostics, Dictionary<string, PolicyItem> items)
    {
        if (items.GetValueOrDefault("send_window") is not PolicySetting { Value: TimeRangeLiteral window })
        {
            return;
        }

        if (window.Start.Value == window.End.Value)
        {
            diagnostics.Add(DiagnosticCatalog.SendWindowWithoutTime(scope.At(window), Text(scope, window), null));
            return;
        }

        if (items.GetValueOrDefault("quiet_hours") is PolicySetting { Value: TimeRangeLiteral quiet } && quiet.Start.Value != quiet.End.Value
            && Minutes(window).All(Minutes(quiet).Contains))
        {
            diagnostics.Add(DiagnosticCatalog.SendWindowWithoutTime(scope.At(quiet), Text(scope, window), Text(scope, quiet)));
        }
    }

    /// <summary>The minutes of the day a range covers, from its start up to (not including) its end, past midnight when it wraps.</summary>
    private static HashSet<int> Minutes(TimeRangeLiteral range)
    {
        var start = (int)range.Start.Value.ToTimeSpan().TotalMinutes;
        var end = (int)range.End.Value.ToTimeSpan().TotalMinutes;
        var length = ((end - start) % 1440 + 1440) % 1440;
        return [.. Enumerable.Range(0, length).Select(i => (start + i) % 1440)];
    }

    private static string Text(CampaignScope scope, SyntaxNode node) => scope.Tree.Source.Text.Substring(node.Span.Start, node.Span.Length);

    private static void CheckPositive(CampaignScope scope, DiagnosticBag diagnostics, DurationLiteral duration)
    {
        if (duration.Amount <= 0)
        {
            diagnostics.Add(DiagnosticCatalog.DurationNotPositive(scope.At(duration), Text(scope, duration)));
        }
    }
}
