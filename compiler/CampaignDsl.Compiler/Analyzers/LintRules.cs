using System.Collections.Frozen;
using System.Collections.Immutable;
using CampaignDsl.Compiler.Analyzers.Rules;
using CampaignDsl.Compiler.Configuration.Lint;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>Every lint rule campaignc has, and the registry campaignc.yaml's <c>lint.rules</c> is checked against.</summary>
public static class LintRules
{
    public static ImmutableArray<LintRule> All { get; } =
    [
        new StageGapTooShort(),
        new StageGapTooLong(),
        new SequenceTooShort(),
        new SequenceTooLong(),
        new ReengagementMessageCount(),
        new ReengagementWithoutHoldout(),
        new HoldoutNotTenPercent(),
        new ReengagementWithoutNurture(),
        new ReengagementWithoutFinalAction(),
        new LastChanceWithoutConsequence(),
        new SubjectLineTooLong(),
        new NoSubjectLineTest(),
        new MultipleCallsToAction(),
        new DiscountAboveMaximum(),
        new IncentiveWithoutExpiry(),
        new BrandOnlySender(),
        new WinbackWithoutExitSurvey(),
        new InactivityThresholdOutsideIndustry(),
        new WaitLandsOutsideSendWindow(),
    ];

    private static readonly FrozenDictionary<string, LintRule> ById = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>The rules' descriptors, for <see cref="Configuration.ConfigurationLoader"/>.</summary>
    public static ILintRuleRegistry Registry { get; } = new LintRuleRegistry(All.Select(r => r.Descriptor));

    public static LintRule? Find(string id) => ById.GetValueOrDefault(id);
}
