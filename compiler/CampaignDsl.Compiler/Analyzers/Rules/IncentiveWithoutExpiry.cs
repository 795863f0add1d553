using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>An offer a message carries that never expires.</summary>
public sealed class IncentiveWithoutExpiry() : LintRule("incentive-without-expiry", "Incentive never expires", LintLevel.Warning,
    "Benchmark: time limits drive action: 72-hour countdowns created 35% more urgency, and an explicitly stated end date 43% more action " +
    "(seeds/000). Give the incentive (or one it inherits from) `expires 72h after send` or `expires 2026-12-31`. A reminder of an existing " +
    "coupon (`coupon_reminder` alone) keeps that coupon's own expiry and is left alone. Applies to re-engagement and win-back campaigns " +
    "(option `types`): an appreciation gift asks nothing in return (seeds/003), so it needs no countdown.",
    new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    private static readonly ImmutableArray<string> DefaultTypes = ["reengagement", "winback"];

    public override void Analyze(LintContext context)
    {
        if (!context.AppliesTo(DefaultTypes))
        {
            return;
        }

        foreach (var (use, incentive) in context.Campaign.UsedIncentives)
        {
            var chain = context.Campaign.IncentiveChain(incentive.Name.Name);
            var properties = chain.SelectMany(i => i.Properties).Select(p => p.Key.Name).ToHashSet(StringComparer.Ordinal);
            if (chain.Any(i => i.Expiries.Any()) || (properties.Count > 0 && properties.All(p => p is "coupon_reminder" or "title" or "code")))
            {
                continue;
            }

            var declaredHere = context.Scope.Tree.Root?.Incentives.Concat(context.Scope.Campaign.Incentives).Any(i => ReferenceEquals(i, incentive)) == true;
            context.Report(declaredHere ? incentive.Name : use.Incentive,
                $"incentive `{incentive.Name}` never expires; give it a time limit such as `expires 72h after send`: 72-hour countdowns created 35% more urgency (seeds/000)");
        }
    }
}
