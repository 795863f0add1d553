using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>
/// When each stage is due, counted from entry. A stage waits after its anchor (the previous stage
/// by default, <c>from entry</c>, or <c>from</c> an earlier stage); its wait is a window whose end
/// the runtime may pick anywhere in. Each wait is chosen on its own, so the time between two stages
/// is the sum of the waits on one's anchor path minus those on the other's, after the waits they
/// share: that gives exact shortest and longest gaps however stages are anchored.
/// </summary>
public sealed class SequenceTimeline
{
    private const string EntryAnchor = "entry";

    private readonly ImmutableArray<StageDecl> _stages;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>For each stage, the stages whose waits lead to it from entry, itself last.</summary>
    private readonly ImmutableArray<ImmutableArray<int>> _paths;

    public SequenceTimeline(IEnumerable<StageDecl> stages)
    {
        _stages = [.. stages];
        var paths = ImmutableArray.CreateBuilder<ImmutableArray<int>>(_stages.Length);
        for (var i = 0; i < _stages.Length; i++)
        {
            var stage = _stages[i];
            _index.TryAdd(stage.Name.Name, i);
            var anchor = stage.Timing?.Anchor;
            ImmutableArray<int> before = anchor is { IsMissing: false } a
                ? a.Name == EntryAnchor || !_index.TryGetValue(a.Name, out var at) || at >= i ? [] : paths[at]
                : i == 0 ? [] : paths[i - 1];
            paths.Add(before.Add(i));
        }

        _paths = paths.MoveToImmutable();
    }

    /// <summary>The earliest and latest a stage is due after entry.</summary>
    public (TimeSpan Earliest, TimeSpan Latest) FromEntry(StageDecl stage) => Between(null, stage);

    /// <summary>
    /// The shortest and longest time from <paramref name="from"/> (entry when null) to <paramref name="to"/>;
    /// negative when <paramref name="to"/> may come first.
    /// </summary>
    public (TimeSpan Shortest, TimeSpan Longest) Between(StageDecl? from, StageDecl to)
    {
        var toPath = _paths[IndexOf(to)];
        var fromPath = from is null ? [] : _paths[IndexOf(from)];
        var shared = 0;
        while (shared < toPath.Length && shared < fromPath.Length && toPath[shared] == fromPath[shared])
        {
            shared++;
        }

        var (shortest, longest) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var i in toPath.Skip(shared))
        {
            var (earliest, latest) = Wait(_stages[i]);
            shortest += earliest;
            longest += latest;
        }

        foreach (var i in fromPath.Skip(shared))
        {
            var (earliest, latest) = Wait(_stages[i]);
            shortest -= latest;
            longest -= earliest;
        }

        return (shortest, longest);
    }

    /// <summary>The wait a stage's own <c>after</c> window allows (none: due at once).</summary>
    public static (TimeSpan Earliest, TimeSpan Latest) Wait(StageDecl stage) => stage.Timing is { } timing
        ? (timing.Earliest.Value, (timing.Latest ?? timing.Earliest).Value)
        : (TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The stage a stage's wait counts from; null for entry.</summary>
    public StageDecl? AnchorOf(StageDecl stage)
    {
        var path = _paths[IndexOf(stage)];
        return path.Length > 1 ? _stages[path[^2]] : null;
    }

    private int IndexOf(StageDecl stage)
    {
        var i = _stages.IndexOf(stage, 0, _stages.Length, ReferenceEqualityComparer.Instance);
        return i >= 0 ? i : throw new ArgumentException($"stage `{stage.Name.Name}` is not in this campaign", nameof(stage));
    }
}
