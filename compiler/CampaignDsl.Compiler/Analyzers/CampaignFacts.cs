using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>What the lint rules ask of one campaign, read once from its declaration.</summary>
public sealed class CampaignFacts
{
    private readonly CampaignScope _scope;
    private readonly Lazy<SequenceTimeline> _timeline;

    public CampaignFacts(CampaignScope scope)
    {
        _scope = scope;
        Type = scope.Campaign.Settings.Where(s => s.Key.Name == "type").Select(s => s.Value)
            .OfType<NameReference>().Select(n => n.Name).FirstOrDefault();
        MessageStages = [.. scope.Campaign.Stages.Where(s => s.AllSends.Any())];
        _timeline = new Lazy<SequenceTimeline>(() => new SequenceTimeline(scope.Campaign.Stages));
    }

    /// <summary>The <c>type</c> as written (<c>reengagement</c>), or null when the campaign has none.</summary>
    public string? Type { get; }

    public CampaignDecl Declaration => _scope.Campaign;

    /// <summary>The stages that send something, in order: the campaign's messages.</summary>
    public ImmutableArray<StageDecl> MessageStages { get; }

    /// <summary>When each stage is due, counted from entry.</summary>
    public SequenceTimeline Timeline => _timeline.Value;

    public IEnumerable<PolicyItem> PolicyItems => _scope.Campaign.Policies.SelectMany(p => p.Items);

    /// <summary>The first policy setting with this key (<c>holdout</c>, <c>send_window</c>), or null.</summary>
    public PolicySetting? Policy(string key) => PolicyItems.OfType<PolicySetting>().FirstOrDefault(s => s.Key.Name == key);

    /// <summary>The first campaign setting with this key (<c>from</c>), or null.</summary>
    public Setting? Setting(string key) => _scope.Campaign.Settings.FirstOrDefault(s => s.Key.Name == key);

    /// <summary>The incentive a name refers to, with the incentives it inherits from, nearest first; cycles are cut.</summary>
    public ImmutableArray<IncentiveDecl> IncentiveChain(string name)
    {
        var chain = ImmutableArray.CreateBuilder<IncentiveDecl>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = name; current is not null && seen.Add(current) && _scope.Incentives.TryGetValue(current, out var incentive);
             current = incentive.Base is { IsMissing: false } b ? b.Name : null)
        {
            chain.Add(incentive);
        }

        return chain.ToImmutable();
    }

    /// <summary>The incentives the campaign's messages carry, each once, in order of first use.</summary>
    public IEnumerable<(IncentiveUse Use, IncentiveDecl Incentive)> UsedIncentives =>
        _scope.Campaign.Stages.SelectMany(s => s.AllSends).SelectMany(send => send.Incentives)
            .Where(use => !use.Incentive.IsMissing)
            .DistinctBy(use => use.Incentive.Name)
            .Select(use => (use, chain: IncentiveChain(use.Incentive.Name)))
            .Where(p => p.chain.Length > 0)
            .Select(p => (p.use, p.chain[0]));
}
