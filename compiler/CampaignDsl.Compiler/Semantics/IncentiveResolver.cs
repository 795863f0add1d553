using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Semantics;

/// <summary>
/// An incentive as it takes effect after inheritance: <see cref="Chain"/> names it and its bases, the
/// most basic first and itself last; each property and the expiry come from the nearest incentive in
/// the chain that gives them (a refinement overrides its base). A flag such as <c>free_shipping</c> has a null value.
/// <see cref="Title"/> is the quoted title after the name, else a <c>title</c> property, else the nearest base's.
/// </summary>
public sealed record ResolvedIncentive(
    string Name,
    string? Title,
    ImmutableArray<string> Chain,
    ImmutableDictionary<string, Expression?> Properties,
    IncentiveExpiry? Expiry,
    IncentiveDecl Declaration);

/// <summary>Resolves an incentive's inheritance in a campaign's scope. It reports nothing: IncentiveCheck reports unknown bases and circles.</summary>
public static class IncentiveResolver
{
    /// <summary>
    /// The incentive <paramref name="name"/> as the campaign of <paramref name="scope"/> sees it, or null when the
    /// scope has no such incentive. An unknown base or a circle ends the chain where it breaks.
    /// </summary>
    public static ResolvedIncentive? Resolve(CampaignScope scope, string name)
    {
        if (!scope.Incentives.TryGetValue(name, out var declaration))
        {
            return null;
        }

        var chain = new List<IncentiveDecl>();
        for (var current = declaration; current is not null && !chain.Contains(current, ReferenceEqualityComparer.Instance);
             current = current.Base is { IsMissing: false } parent ? scope.Incentives.GetValueOrDefault(parent.Name) : null)
        {
            chain.Insert(0, current);
        }

        var properties = ImmutableDictionary.CreateBuilder<string, Expression?>(StringComparer.Ordinal);
        string? title = null;
        IncentiveExpiry? expiry = null;
        foreach (var incentive in chain)
        {
            title = incentive.Title?.Value
                ?? incentive.Properties.Where(p => p.Key.Name == "title").Select(p => (p.Value as StringLiteral)?.Value).FirstOrDefault()
                ?? title;
            expiry = incentive.Expiries.FirstOrDefault() ?? expiry;
            // Within one incentive the first of a repeated property counts (the repeat is reported).
            foreach (var property in incentive.Properties.Where(p => !p.Key.IsMissing).DistinctBy(p => p.Key.Name))
            {
                properties[property.Key.Name] = property.Value;
            }
        }

        return new ResolvedIncentive(name, title, [.. chain.Select(i => i.Name.Name)], properties.ToImmutable(), expiry, declaration);
    }
}
