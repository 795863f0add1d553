using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// The incentives sends carry: each one known; an expiry counted from a stage that this campaign has and
/// that is sent no later than the stage carrying it, and not over before that stage is sent; and no
/// stage reminding contacts of an offer whose code has already expired; and one incentive per send. A contact has one code per
/// incentive: its expiry counts from the first send that carries it.
/// </summary>
internal sealed class IncentiveUseCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        var schedule = StageSchedule.Of(scope.Campaign);
        // The first stage that gives every contact reaching it an incentive: a send outside any variant, in a stage without conditions.
        var firstCertain = new Dictionary<string, StageDecl>(StringComparer.Ordinal);
        foreach (var stage in scope.Campaign.Stages)
        {
            foreach (var send in stage.AllSends)
            {
                CheckOneIncentive(scope, diagnostics, send);
                foreach (var use in send.Incentives.Where(u => !u.Incentive.IsMissing))
                {
                    var name = use.Incentive.Name;
                    if (IncentiveResolver.Resolve(scope, name) is not { } incentive)
                    {
                        diagnostics.Add(DiagnosticCatalog.IncentiveNotFound(scope.At(use.Incentive), name,
                            NameSuggester.Suggest(name, scope.Incentives.Keys)));
                        continue;
                    }

                    CheckExpiry(scope, diagnostics, schedule, stage, use, incentive);
                    if (incentive.Expiry is { After: { Amount: > 0 } after, Anchor.Name: IncentiveCheck.SendAnchor }
                        && firstCertain.TryGetValue(name, out var earlier)
                        && schedule.MinimumDelay(earlier, stage) is { } delay && delay >= after.Value)
                    {
                        diagnostics.Add(DiagnosticCatalog.OfferExpiredBeforeStage(scope.At(use.Incentive), name, stage.Name.Name,
                            earlier.Name.Name, after.ToString(), Describe(delay)));
                    }
                }
            }

            if (!stage.Conditions.Any())
            {
                foreach (var use in stage.Sends.SelectMany(s => s.Incentives).Where(u => !u.Incentive.IsMissing))
                {
                    firstCertain.TryAdd(use.Incentive.Name, stage);
                }
            }
        }
    }

    /// <summary>
    /// A message carries one incentive: the plan, the template's <c>incentive.*</c> and the issued codes are per
    /// offer, so a second one would silently go missing.
    /// </summary>
    private static void CheckOneIncentive(CampaignScope scope, DiagnosticBag diagnostics, SendAction send)
    {
        var uses = send.Incentives.Where(u => !u.Incentive.IsMissing).ToList();
        foreach (var extra in uses.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.SecondIncentive(scope.At(extra), extra.Incentive.Name, uses[0].Incentive.Name, scope.At(uses[0])));
        }
    }

    /// <summary><c>expires 2d after recognition</c> on an incentive a later stage carries.</summary>
    private static void CheckExpiry(CampaignScope scope, DiagnosticBag diagnostics, StageSchedule schedule, StageDecl stage, IncentiveUse use,
        ResolvedIncentive incentive)
    {
        if (incentive.Expiry is not { After: { } after, Anchor: { IsMissing: false } anchor } expiry || anchor.Name == IncentiveCheck.SendAnchor)
        {
            return;
        }

        var declaredHere = scope.OwnIncentives.Any(i => i.Expiries.Any(e => ReferenceEquals(e, expiry)));
        if (!scope.Stages.TryGetValue(anchor.Name, out var anchorStage))
        {
            // The campaign's own incentive has this reported at the anchor itself.
            if (!declaredHere)
            {
                diagnostics.Add(DiagnosticCatalog.SharedExpiryAnchorNotFound(scope.At(use.Incentive), incentive.Name, anchor.Name,
                    scope.Campaign.Name.Name, NameSuggester.Suggest(anchor.Name, scope.StageOrder.Keys)));
            }

            return;
        }

        if (stage.Name.IsMissing || scope.StageOrder[anchor.Name] > scope.StageOrder.GetValueOrDefault(stage.Name.Name, int.MaxValue))
        {
            diagnostics.Add(DiagnosticCatalog.ExpiryCountedFromLaterStage(scope.At(use.Incentive), incentive.Name, anchor.Name, stage.Name.Name));
            return;
        }

        if (after.Amount > 0 && schedule.MinimumDelay(anchorStage, stage) is { } delay && delay >= after.Value)
        {
            diagnostics.Add(DiagnosticCatalog.ExpiresBeforeStageSends(scope.At(use.Incentive), incentive.Name, after.ToString(), anchor.Name,
                stage.Name.Name, Describe(delay)));
        }
    }

    private static string Describe(TimeSpan delay) =>
        delay.TotalDays >= 1 && delay.TotalHours % 24 == 0 ? $"{delay.TotalDays:0}d"
        : delay.TotalHours >= 1 && delay.TotalMinutes % 60 == 0 ? $"{delay.TotalHours:0}h"
        : $"{delay.TotalMinutes:0}m";
}
