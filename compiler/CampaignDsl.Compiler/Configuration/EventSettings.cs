using System.Collections.Immutable;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>
/// The <c>events:</c> section: the project's own event types with their fields, and extra fields of
/// built-in event types (a <c>coupon</c> on <c>purchase</c>).
/// </summary>
public sealed record EventSettings(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, DataType>> Types)
{
    public static EventSettings None { get; } =
        new(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, DataType>>.Empty.WithComparers(StringComparer.Ordinal));
}
