using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Stands between YamlDotNet's parser and its representation model, for three reasons. A repeated
/// key would make the model throw and lose the rest of the file, so the second key and its value are
/// dropped here and recorded. Nesting is limited, because the model builds nodes recursively and a
/// file of ten thousand <c>[</c> would overflow the stack. And the position of the last event is
/// kept, to place errors the parser reports without one.
/// </summary>
internal sealed class CheckedYamlParser(IParser inner) : IParser
{
    public const int MaxDepth = 64;

    private readonly Stack<Block> _open = new();
    private int _documents;

    public ParsingEvent? Current => inner.Current;

    /// <summary>The innermost <c>[ ... ]</c> or <c>{ ... }</c> still open, and where it opened: what an unexpected end most likely left unclosed.</summary>
    public (bool IsMapping, Mark Start)? OpenFlow =>
        _open.FirstOrDefault(b => b.IsFlow) is { } flow ? (flow.IsMapping, flow.Start) : null;

    /// <summary>Keys dropped because their block already had them: the repeated key and where the first one was.</summary>
    public List<(Scalar Key, Mark First)> Duplicates { get; } = [];

    /// <summary>Where the second document starts, when the stream has more than one.</summary>
    public Mark? SecondDocument { get; private set; }

    /// <summary>The end of the last event read: where reading stopped when the parser fails without a position.</summary>
    public Mark LastPosition { get; private set; } = Mark.Empty;

    /// <summary>Where blocks nested deeper than <see cref="MaxDepth"/>; reading stopped there with a <see cref="YamlException"/>.</summary>
    public Mark? TooDeepAt { get; private set; }

    public bool MoveNext()
    {
        while (Advance())
        {
            var current = inner.Current!;
            if (current is Scalar key && _open.TryPeek(out var block) && block.AtKey && !block.Add(key))
            {
                Duplicates.Add((key, block.FirstMark(key.Value)));
                SkipValue();
                continue;
            }

            Track(current);
            return true;
        }

        return false;
    }

    private bool Advance()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        LastPosition = inner.Current!.End;
        return true;
    }

    private void Track(ParsingEvent current)
    {
        switch (current)
        {
            case DocumentStart when ++_documents == 2:
                SecondDocument = current.Start;
                break;
            case MappingStart or SequenceStart:
                if (_open.Count >= MaxDepth)
                {
                    throw TooDeep(current.Start);
                }

                _open.Push(new Block(current is MappingStart, current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }, current.Start));
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                Completed();
                break;
            case Scalar or AnchorAlias:
                Completed();
                break;
        }
    }

    // A node inside a mapping is a key and a value in turn.
    private void Completed()
    {
        if (_open.TryPeek(out var parent) && parent.IsMapping)
        {
            parent.AtKey = !parent.AtKey;
        }
    }

    private void SkipValue()
    {
        var depth = 0;
        while (Advance())
        {
            depth += inner.Current switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
            if (depth > MaxDepth)
            {
                throw TooDeep(inner.Current!.Start);
            }

            if (depth == 0)
            {
                return;
            }
        }
    }

    private YamlException TooDeep(Mark at)
    {
        TooDeepAt = at;
        return new YamlException(at, at, $"nested deeper than {MaxDepth} levels");
    }

    private sealed class Block(bool isMapping, bool isFlow, Mark start)
    {
        private readonly Dictionary<string, Mark> _keys = new(StringComparer.Ordinal);

        public bool IsMapping { get; } = isMapping;

        public bool IsFlow { get; } = isFlow;

        public Mark Start { get; } = start;

        public bool AtKey { get; set; } = true;

        public bool Add(Scalar key) => !IsMapping || _keys.TryAdd(key.Value, key.Start);

        public Mark FirstMark(string key) => _keys[key];
    }
}
