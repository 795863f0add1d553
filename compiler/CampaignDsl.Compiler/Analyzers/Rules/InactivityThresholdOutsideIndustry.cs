using System.Collections.Frozen;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers.Rules;

/// <summary>
/// A re-engagement audience whose inactivity threshold does not match the industry's definition
/// of inactive. The threshold is the longest inactivity the audience's <c>where</c> requires, read
/// from its top-level <c>and</c> terms: <c>days_since(last x) &gt; 90</c> (or <c>&gt;=</c>, <c>between 90 and ...</c>),
/// <c>hours_since(...)</c>, and <c>count(x in 90d) == 0</c>. Which industry the project is in is not
/// something a campaign says, so the rule only runs when option <c>industry</c> is set.
/// </summary>
public sealed class InactivityThresholdOutsideIndustry() : LintRule("inactivity-threshold-outside-industry", "Inactivity threshold does not fit the industry", LintLevel.Warning,
    "Benchmark (seeds/000): inactive means no purchase or email engagement in 3-6 months for e-commerce (best trigger after 90 days), no login " +
    "in 30-60 days for SaaS, no opens or clicks in 30-90 days for media (after 60 days), no engagement in 60-120 days for B2B (after 90 days), " +
    "no account activity in 90-180 days for financial services (after 120 days). Option `industry` (one of ecommerce, saas, media, b2b, " +
    "financial); the rule does nothing until it is set.",
    new LintOptionDescriptor("industry", LintOptionKind.Text), new LintOptionDescriptor(LintContext.TypesOption, LintOptionKind.List))
{
    private static readonly FrozenDictionary<string, (int Min, int Max, string Definition)> Industries = new Dictionary<string, (int, int, string)>
    {
        ["ecommerce"] = (90, 180, "no purchase or email engagement in 3-6 months, best trigger after 90 days"),
        ["saas"] = (30, 60, "no login in 30-60 days, triggered at the first signs of declining use"),
        ["media"] = (30, 90, "no opens or clicks in 30-90 days, best trigger after 60 days"),
        ["b2b"] = (60, 120, "no engagement in 60-120 days, best trigger after 90 days"),
        ["financial"] = (90, 180, "no account activity or email engagement in 90-180 days, best trigger after 120 days"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override void Analyze(LintContext context)
    {
        if (context.Text("industry") is not { } written || !context.AppliesTo(StageGapBenchmark.DefaultTypes))
        {
            return;
        }

        var industry = written.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!Industries.TryGetValue(industry, out var benchmark))
        {
            // Reported where campaignc.yaml sets it; every campaign finds the same problem, and the compilation reports it once.
            context.Report(context.OptionLocation("industry")!,
                $"`industry` is `{written}`; the inactivity benchmarks know {string.Join(", ", Industries.Keys.Order(StringComparer.Ordinal))}");
            return;
        }

        var thresholds = context.Scope.Campaign.Audiences.SelectMany(a => a.Conditions).SelectMany(c => Terms(c.Condition))
            .Select(Threshold).Where(t => t is not null).Select(t => t!.Value).ToList();
        if (thresholds.Count == 0)
        {
            return;
        }

        var (days, where) = thresholds.MaxBy(t => t.Days);
        if (days < benchmark.Min || days > benchmark.Max)
        {
            context.Report(where,
                $"this audience counts contacts as inactive after {Durations.Days(days)} days; for {written} the benchmark is {benchmark.Definition} (seeds/000)");
        }
    }

    private static IEnumerable<Expression> Terms(Expression expression) => expression switch
    {
        ParenthesizedExpression p => Terms(p.Inner),
        BinaryExpression { Operator: BinaryOperator.And } and => Terms(and.Left).Concat(Terms(and.Right)),
        _ => [expression],
    };

    private static (decimal Days, SyntaxNode Where)? Threshold(Expression term) => term switch
    {
        BinaryExpression { Operator: BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } b when Since(b.Left) is { } perDay && b.Right is NumberLiteral n =>
            (n.Value / perDay, term),
        BinaryExpression { Operator: BinaryOperator.Less or BinaryOperator.LessOrEqual } b when Since(b.Right) is { } perDay && b.Left is NumberLiteral n =>
            (n.Value / perDay, term),
        BetweenExpression { Negated: false } between when Since(between.Value) is { } perDay && between.Low is NumberLiteral low =>
            (low.Value / perDay, term),
        BinaryExpression { Operator: BinaryOperator.Equal } b when NoneIn(b.Left) is { } window && b.Right is NumberLiteral { Value: 0 } =>
            ((decimal)window.TotalDays, term),
        _ => null,
    };

    /// <summary>For <c>days_since(...)</c> 1 (units per day), for <c>hours_since(...)</c> 24; null for anything else.</summary>
    private static decimal? Since(Expression expression) => expression switch
    {
        ParenthesizedExpression p => Since(p.Inner),
        CallExpression { Function.Name: "days_since" } => 1,
        CallExpression { Function.Name: "hours_since" } => 24,
        _ => null,
    };

    /// <summary>The look-back of <c>count(x in 90d)</c>.</summary>
    private static TimeSpan? NoneIn(Expression expression) => expression switch
    {
        ParenthesizedExpression p => NoneIn(p.Inner),
        CallExpression { Function.Name: "count", Arguments: [{ Window: { } window }] } => window.Value,
        _ => null,
    };
}
