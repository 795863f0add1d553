using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>An incentive whose discount is above the project's maximum.</summary>
public sealed class DiscountAboveMaximum() : LintRule("discount-above-maximum", "Discount above the maximum", LintLevel.Warning,
    "Benchmark: 20% is the typical discount, 40-50% only in strong win-backs (seeds/000, 004); for high-value products value messaging beats " +
    "discounts, and reminding of an unused coupon gave 42% more engagement than a new offer. Option `max` (a percentage, default 40%).",
    new LintOptionDescriptor("max", LintOptionKind.Percent))
{
    public override void Analyze(LintContext context)
    {
        var max = context.Percent("max", 40);
        var scope = context.Scope;
        var incentives = scope.Campaign.Incentives.Concat(scope.Tree.Root?.Incentives ?? []);
        foreach (var incentive in incentives)
        {
            foreach (var property in incentive.Properties.Where(p => p.Key.Name == "discount" && p.Value is PercentLiteral percent && percent.Value > max))
            {
                var percent = (PercentLiteral)property.Value!;
                context.Report(property,
                    $"incentive `{incentive.Name}` gives {Durations.Days(percent.Value)}% off, above this project's maximum of {Durations.Days(max)}%; 20% is typical, 40-50% only for strong win-backs (seeds/000): consider free shipping or store credit instead");
            }
        }
    }
}
