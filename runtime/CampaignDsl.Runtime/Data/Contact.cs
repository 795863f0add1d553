using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data;

/// <summary>
/// One contact as every data source delivers it. <see cref="TimeZone"/> is an IANA zone id
/// (<c>Europe/Amsterdam</c>) or null for the campaign's default; <see cref="Subscribed"/> is false
/// unless the data says so, since consent is never assumed (it is the consent every message channel
/// asks for: <see cref="Sending.SubscribedConsent"/>). Every other column is a typed custom attribute.
/// </summary>
public sealed record Contact(
    string Id,
    string? Email = null,
    string? Phone = null,
    string? FirstName = null,
    string? LastName = null,
    string? TimeZone = null,
    string? Locale = null,
    bool Subscribed = false,
    DateTimeOffset? CreatedAt = null)
{
    public ImmutableSortedDictionary<string, DataValue> Attributes { get; init; } = DataValues.None;
}

/// <summary>Shared empty attribute and property maps, ordinal so that output is stable.</summary>
public static class DataValues
{
    public static readonly ImmutableSortedDictionary<string, DataValue> None =
        ImmutableSortedDictionary<string, DataValue>.Empty.WithComparers(StringComparer.Ordinal);
}
