namespace CampaignDsl.DataBench;

/// <summary>A generated contact, with the three custom attributes every one has.</summary>
internal sealed record GeneratedContact(
    string Id, string Email, string FirstName, string LastName, string TimeZone, string Locale, bool Subscribed, DateTimeOffset CreatedAt,
    string Country, bool Vip, decimal LifetimeValue);

/// <summary>A generated event: an open or click of a newsletter <see cref="Campaign"/>, a visit, or a purchase with its order and category.</summary>
internal sealed record GeneratedEvent(string ContactId, string Type, DateTimeOffset At, decimal? Amount, string? Campaign, string? OrderId, string? Category);

/// <summary>Where generated records go: each contact's events come just before the contact itself.</summary>
internal interface IGeneratedDataSink
{
    void Event(GeneratedEvent e);

    void Contact(GeneratedContact contact);
}
