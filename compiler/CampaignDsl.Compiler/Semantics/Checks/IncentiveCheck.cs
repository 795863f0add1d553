using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// The incentives a scope declares (a campaign's own, or a file's top-level ones): unique names, a known
/// base and no inheritance circle, known properties with values of the right kind, each once, at least one
/// benefit after inheritance, and an expiry after the send, counted from <c>send</c> or a stage of the campaign.
/// </summary>
internal sealed class IncentiveCheck : ICampaignCheck
{
    public const string SendAnchor = "send";

    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        DeclarationCheck.ReportDuplicates(scope, diagnostics, scope.OwnIncentives, i => i.Name, DiagnosticCatalog.IncentiveDefinedTwice);
        var inCircle = ReportCircles(scope, diagnostics);
        foreach (var incentive in scope.OwnIncentives)
        {
            var baseKnown = CheckBase(scope, diagnostics, incentive);
            CheckProperties(scope, diagnostics, incentive);
            CheckExpiry(scope, diagnostics, incentive);
            if (baseKnown && !inCircle.Contains(incentive) && !incentive.Name.IsMissing
                && IncentiveResolver.Resolve(scope, incentive.Name.Name) is { } resolved
                && ReferenceEquals(resolved.Declaration, incentive)
                && !resolved.Properties.Keys.Any(IncentiveProperties.Benefits.Contains))
            {
                diagnostics.Add(DiagnosticCatalog.IncentiveWithoutBenefit(scope.At(incentive.Name), incentive.Name.Name));
            }
        }
    }

    /// <summary>Whether the whole chain of bases is known (a missing one is reported here, at the first incentive naming it).</summary>
    private static bool CheckBase(CampaignScope scope, DiagnosticBag diagnostics, IncentiveDecl incentive)
    {
        var seen = new HashSet<IncentiveDecl>(ReferenceEqualityComparer.Instance);
        for (var current = incentive; current.Base is { } parent; current = scope.Incentives[parent.Name])
        {
            if (parent.IsMissing || !seen.Add(current))
            {
                return false;
            }

            if (!scope.Incentives.ContainsKey(parent.Name))
            {
                if (ReferenceEquals(current, incentive))
                {
                    diagnostics.Add(DiagnosticCatalog.IncentiveNotFound(scope.At(parent), parent.Name,
                        NameSuggester.Suggest(parent.Name, scope.Incentives.Keys.Where(k => k != incentive.Name.Name))));
                }

                return false;
            }
        }

        return true;
    }

    /// <summary>Reports each inheritance circle once, at the first of its incentives this scope declares; returns the incentives in one.</summary>
    private static HashSet<IncentiveDecl> ReportCircles(CampaignScope scope, DiagnosticBag diagnostics)
    {
        var inCircle = new HashSet<IncentiveDecl>(ReferenceEqualityComparer.Instance);
        foreach (var incentive in scope.OwnIncentives)
        {
            if (incentive.Name.IsMissing || inCircle.Contains(incentive) || !ReferenceEquals(scope.Incentives.GetValueOrDefault(incentive.Name.Name), incentive))
            {
                continue;
            }

            var path = new List<IncentiveDecl>();
            for (var current = incentive; current is not null; current = current.Base is { IsMissing: false } b ? scope.Incentives.GetValueOrDefault(b.Name) : null)
            {
                var index = path.FindIndex(p => ReferenceEquals(p, current));
                if (index >= 0)
                {
                    var circle = path[index..];
                    if (circle.Any(i => ReferenceEquals(i, incentive)))
                    {
                        inCircle.UnionWith(circle);
                        diagnostics.Add(DiagnosticCatalog.IncentivesInCircle(scope.At(incentive.Base!),
                            circle.Select(i => i.Name.Name).Append(circle[0].Name.Name)));
                    }

                    break;
                }

                path.Add(current);
            }
        }

        return inCircle;
    }

    private static void CheckProperties(CampaignScope scope, DiagnosticBag diagnostics, IncentiveDecl incentive)
    {
        var first = new Dictionary<string, IncentiveItem>(StringComparer.Ordinal);
        IncentiveItem? previous = null;
        foreach (var item in incentive.Items)
        {
            var (key, keySpan) = item switch
            {
                IncentiveProperty property => (property.Key.Name, property.Key.Span),
                _ => ("expires", new Text.TextSpan(item.Span.Start, "expires".Length)),
            };

            if (key.Length == 0)
            {
                continue;
            }

            if (first.TryGetValue(key, out var earlier))
            {
                diagnostics.Add(DiagnosticCatalog.IncentivePropertyGivenTwice(scope.At(keySpan), key, scope.At(earlier)));
                continue;
            }

            first.Add(key, item);
            if (item is not IncentiveProperty { } given)
            {
                continue;
            }

            // `free_shipping yes` reads as the flag and then a property `yes` on the same line.
            if (!IncentiveProperties.All.ContainsKey(key) && given.Value is null && previous is IncentiveProperty { Value: null } flag
                && IncentiveProperties.All.ContainsKey(flag.Key.Name) && scope.At(flag).Start.Line == scope.At(given).Start.Line)
            {
                diagnostics.Add(DiagnosticCatalog.FlagWithValue(scope.At(given.Key), flag.Key.Name, key));
                previous = item;
                continue;
            }

            previous = item;
            if (!IncentiveProperties.All.TryGetValue(key, out var check))
            {
                diagnostics.Add(DiagnosticCatalog.IncentivePropertyNotFound(scope.At(given.Key), key,
                    NameSuggester.Suggest(key, IncentiveProperties.All.Keys.Append("expires"))));
                continue;
            }

            if (given.Value is MissingExpression)
            {
                continue;
            }

            if (check(given.Value) is { } expected)
            {
                diagnostics.Add(DiagnosticCatalog.IncentivePropertyValue(scope.At(given.Value ?? (SyntaxNode)given.Key), key, expected));
            }
        }
    }

    private static void CheckExpiry(CampaignScope scope, DiagnosticBag diagnostics, IncentiveDecl incentive)
    {
        foreach (var expiry in incentive.Expiries)
        {
            if (expiry.After is not { } after || expiry.Anchor is not { IsMissing: false } anchor)
            {
                continue;
            }

            if (after.Amount <= 0)
            {
                diagnostics.Add(DiagnosticCatalog.ExpiresAtOrBeforeSend(scope.At(after), incentive.Name.Name,
                    scope.Tree.Source.Text.Substring(after.Span.Start, after.Span.Length), anchor.Name));
            }

            // A shared incentive's stage anchor is checked where a campaign uses it: only a campaign has stages.
            if (anchor.Name != SendAnchor && !scope.IsSharedDeclarations && !scope.StageOrder.ContainsKey(anchor.Name))
            {
                diagnostics.Add(DiagnosticCatalog.ExpiryAnchorNotFound(scope.At(anchor), anchor.Name,
                    NameSuggester.Suggest(anchor.Name, scope.StageOrder.Keys.Append(SendAnchor))));
            }
        }
    }
}
