using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CampaignDsl.Plan;

/// <summary>
/// Where each node of the plan came from: node id to <c>file:line:column</c> (one-based; the file
/// relative to the plan's base folder, with <c>/</c>). Written as one JSON object in the order the
/// compiler met the nodes, which is the order of the source.
/// </summary>
[JsonConverter(typeof(SourceMapConverter))]
public sealed class SourceMap
{
    private readonly ImmutableDictionary<string, string> _byId;

    public SourceMap(ImmutableArray<KeyValuePair<string, string>> entries)
    {
        Entries = entries;
        var byId = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (id, location) in entries)
        {
            byId[id] = location;
        }

        _byId = byId.ToImmutable();
    }

    public static SourceMap Empty { get; } = new([]);

    /// <summary>Every node id and its location, in source order.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Entries { get; }

    /// <summary>The location of a node, such as <c>we_miss_you.campaign:12:5</c>; null for an id the map does not hold.</summary>
    public string? Find(string id) => _byId.GetValueOrDefault(id);
}
