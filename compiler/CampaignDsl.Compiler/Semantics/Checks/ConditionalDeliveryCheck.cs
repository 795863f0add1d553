using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// A stage that carries an incentive an earlier stage gives, when that earlier stage may not run for a contact (a
/// <c>when</c>/<c>unless</c> condition, sends only in <c>for</c> variants, or an anchor on such a stage) and nothing in
/// the campaign ties this stage to it. The runtime skips such a stage for a contact who never got the offer, so that it
/// does not follow up an offer never made (docs/runtime.md, "Conditions"); the warning makes that visible where the
/// campaign is written, unless the stage says so itself (anchored on the giving stage, or under the same conditions).
/// About the order of stages only; whether a template's values can be empty is the template check's concern.
/// </summary>
internal sealed class ConditionalDeliveryCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        var stages = scope.Campaign.Stages.Where(s => !s.Name.IsMissing).ToList();
        var optional = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            if (WhyOptional(stage, optional) is { } why)
            {
                optional.TryAdd(stage.Name.Name, why);
            }
        }

        // The stage that gives each incentive (the first, or a later one that gives it to everyone), and why not to everyone.
        var givers = new Dictionary<string, (StageDecl Stage, string? Why)>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            foreach (var send in stage.AllSends)
            {
                var inVariant = !stage.Sends.Contains(send);
                foreach (var use in send.Incentives.Where(u => !u.Incentive.IsMissing))
                {
                    var chain = Chain(scope, use.Incentive.Name);
                    var earlier = chain.Select(name => givers.TryGetValue(name, out var g) ? g : ((StageDecl, string?)?)null).FirstOrDefault(g => g is not null);
                    if (earlier is { } giver && !ReferenceEquals(giver.Item1, stage) && giver.Item2 is { } why && !TiedTo(stage, giver.Item1, scope))
                    {
                        diagnostics.Add(DiagnosticCatalog.IncentiveFromSkippableStage(scope.At(use), stage.Name.Name, use.Incentive.Name, giver.Item1.Name.Name, why));
                    }

                    // The stage gives this incentive too: from here on, to everyone when it reaches everyone.
                    var partly = optional.GetValueOrDefault(stage.Name.Name) ?? (inVariant ? "it gives it in one variant only" : null);
                    if (!givers.ContainsKey(use.Incentive.Name) || partly is null)
                    {
                        givers[use.Incentive.Name] = (stage, partly);
                    }
                }
            }
        }
    }

    /// <summary>Why the stage may not run for a contact, or null when it runs for everyone it reaches.</summary>
    private static string? WhyOptional(StageDecl stage, Dictionary<string, string> optional)
    {
        if (stage.Conditions.FirstOrDefault() is { } condition)
        {
            return condition.Kind == ConditionKind.When ? "its `when` condition may not hold" : "its `unless` condition may hold";
        }

        if (!stage.Sends.Any() && stage.Variants.Any() && !stage.Variants.Any(v => v.IsOtherwise))
        {
            return "its messages are all in `for` variants, with no `otherwise`";
        }

        return stage.Timing?.Anchor is { IsMissing: false } anchor && optional.ContainsKey(anchor.Name)
            ? $"it is anchored on `{anchor.Name}`, which may be skipped"
            : null;
    }

    /// <summary>Whether the stage is skipped whenever the giver is: anchored on it (through other anchors too), or under the same conditions.</summary>
    private static bool TiedTo(StageDecl stage, StageDecl giver, CampaignScope scope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = stage; current.Timing?.Anchor is { IsMissing: false } anchor && seen.Add(anchor.Name);)
        {
            if (string.Equals(anchor.Name, giver.Name.Name, StringComparison.Ordinal))
            {
                return true;
            }

            if (!scope.Stages.TryGetValue(anchor.Name, out var next))
            {
                break;
            }

            current = next;
        }

        var text = scope.Tree.Source.Text;
        string Written(StageCondition c) => $"{c.Kind} {text.Substring(c.Condition.Span.Start, c.Condition.Span.Length)}";
        var own = stage.Conditions.Select(Written).ToHashSet(StringComparer.Ordinal);
        return giver.Conditions.Any() && giver.Conditions.All(c => own.Contains(Written(c)));
    }

    /// <summary>The incentive and those it refines: a reminder (<c>incentive reminder : back20</c>) refers to what it refines.</summary>
    private static List<string> Chain(CampaignScope scope, string name)
    {
        var chain = new List<string>();
        for (var current = name; current is not null && !chain.Contains(current, StringComparer.Ordinal);)
        {
            chain.Add(current);
            current = scope.Incentives.TryGetValue(current, out var incentive) && incentive.Base is { IsMissing: false } b ? b.Name : null;
        }

        return chain;
    }
}
