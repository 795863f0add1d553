using System.Collections.Immutable;
using System.Globalization;

namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>
/// One runtime block as configured: its kind and its keys. Paths are full paths, resolved against
/// the folder of campaignc.yaml; a raw block (the CSV <c>mapping</c>) is kept as dotted keys and texts.
/// </summary>
public sealed record AdapterSettings(string Kind, ImmutableSortedDictionary<string, string> Values)
{
    /// <summary>The kind's raw block, uninterpreted: a CSV source's <c>mapping</c> (<c>contacts.id</c> → <c>customer_id</c>), a webhook's <c>headers</c>.</summary>
    public ImmutableSortedDictionary<string, string> Mapping { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public string? Get(string key) => Values.GetValueOrDefault(key);

    public int? GetNumber(string key) =>
        Values.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
