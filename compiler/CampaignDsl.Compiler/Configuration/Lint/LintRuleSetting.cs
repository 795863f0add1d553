using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>
/// What campaignc.yaml sets for one known lint rule: its level (the rule's default when only
/// options are given) and its options. A rule reads an option with the accessor of its kind and
/// falls back to its own default when the option is not set.
/// </summary>
public sealed record LintRuleSetting(string RuleId, LintLevel Level, ImmutableSortedDictionary<string, LintOptionValue> Options, SourceLocation Location)
{
    public decimal? Percent(string option) => (Options.GetValueOrDefault(option) as PercentOptionValue)?.Percent;

    public decimal? Number(string option) => (Options.GetValueOrDefault(option) as NumberOptionValue)?.Number;

    public TimeSpan? Duration(string option) => (Options.GetValueOrDefault(option) as DurationOptionValue)?.Duration;

    public string? Text(string option) => (Options.GetValueOrDefault(option) as TextOptionValue)?.Text;

    public ImmutableArray<string>? List(string option) => (Options.GetValueOrDefault(option) as ListOptionValue)?.Items;
}
