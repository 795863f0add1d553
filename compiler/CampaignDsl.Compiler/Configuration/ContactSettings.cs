using System.Collections.Immutable;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>The <c>contacts:</c> section: the project's own contact attributes and their types, beside the built-in ones.</summary>
public sealed record ContactSettings(ImmutableSortedDictionary<string, DataType> Attributes)
{
    public static ContactSettings None { get; } = new(ImmutableSortedDictionary<string, DataType>.Empty.WithComparers(StringComparer.Ordinal));
}
