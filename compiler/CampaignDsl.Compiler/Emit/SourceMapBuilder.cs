using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Compiler.Text;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// Collects the source map of one plan: each node id with the <c>file:line:column</c> of the start of
/// its span, the file relative to the plan's base folder. Ids are unique: a second node that would get an
/// id already taken (two variants for one segment, say) gets <c>~2</c>, <c>~3</c> appended.
/// </summary>
internal sealed class SourceMapBuilder(string baseFolder)
{
    private readonly ImmutableArray<KeyValuePair<string, string>>.Builder _entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceText, string> _files = [];

    /// <summary>Records where <paramref name="id"/> came from and returns the id to use (unique in the plan).</summary>
    public string Add(string id, SourceText source, TextSpan span)
    {
        var unique = id;
        for (var n = 2; !_taken.Add(unique); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{id}~{n}");
        }

        var position = source.GetPosition(span.Start);
        _entries.Add(KeyValuePair.Create(unique, string.Create(CultureInfo.InvariantCulture, $"{FileOf(source)}:{position.Line}:{position.Column}")));
        return unique;
    }

    public SourceMap Build() => new(_entries.ToImmutable());

    /// <summary>A source file's path relative to the base folder, with <c>/</c>, independent of the current folder.</summary>
    public string FileOf(SourceText source)
    {
        if (!_files.TryGetValue(source, out var relative))
        {
            relative = PlanPaths.Relative(baseFolder, source.Path);
            _files[source] = relative;
        }

        return relative;
    }
}
