using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>One contact and every event of theirs, oldest first: all the scheduler ever holds of the data at once.</summary>
public sealed class ContactHistory
{
    public ContactHistory(Contact contact, IEnumerable<ContactEvent> events)
    {
        Contact = contact;
        Events = [.. events.OrderBy(e => e.At)];
    }

    public Contact Contact { get; }

    public IReadOnlyList<ContactEvent> Events { get; }

    /// <summary>The events of <paramref name="type"/> in (<paramref name="after"/>, <paramref name="until"/>], oldest first.</summary>
    public IEnumerable<ContactEvent> Between(string type, DateTimeOffset? after, DateTimeOffset until) =>
        Events.Where(e => e.At <= until && (after is null || e.At > after) && string.Equals(e.Type, type, StringComparison.Ordinal));
}
