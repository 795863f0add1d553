using System.Collections.Frozen;

namespace CampaignDsl.Runtime.Data;

/// <summary>The column names of canonical contacts and events files (docs/runtime.md); other columns are attributes or properties.</summary>
public static class CanonicalFields
{
    public const string Id = "id";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string TimeZone = "timezone";
    public const string Locale = "locale";
    public const string Subscribed = "subscribed";
    public const string CreatedAt = "created_at";

    public const string ContactId = "contact_id";
    public const string Type = "type";
    public const string At = "at";
    public const string Amount = "amount";

    public static FrozenSet<string> Contact { get; } =
        new[] { Id, Email, Phone, FirstName, LastName, TimeZone, Locale, Subscribed, CreatedAt }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Event { get; } = new[] { ContactId, Type, At, Amount }.ToFrozenSet(StringComparer.Ordinal);
}
