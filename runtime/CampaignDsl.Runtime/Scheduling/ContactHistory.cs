using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// One contact and every event of theirs, oldest first: all the scheduler ever holds of the data at once.
/// A forecast adds the events it predicts while the contact is played (<see cref="Add"/>), kept in time order.
/// </summary>
public sealed class ContactHistory
{
    private readonly List<ContactEvent> _events;

    public ContactHistory(Contact contact, IEnumerable<ContactEvent> events)
    {
        Contact = contact;
        _events = [.. events];
        if (!IsSorted(_events))
        {
            // Stable, as OrderBy: events at the same moment keep the order they came in.
            _events = [.. _events.OrderBy(e => e.At)];
        }
    }

    public Contact Contact { get; }

    public IReadOnlyList<ContactEvent> Events => _events;

    /// <summary>Adds an event at its moment, after any event at the same moment, so the order stays by time (and stable).</summary>
    public void Add(ContactEvent e)
    {
        int low = 0, high = _events.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_events[mid].At <= e.At)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        _events.Insert(low, e);
    }

    private static bool IsSorted(List<ContactEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].At < events[i - 1].At)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The events of <paramref name="type"/> in (<paramref name="after"/>, <paramref name="until"/>], oldest first.</summary>
    public IEnumerable<ContactEvent> Between(string type, DateTimeOffset? after, DateTimeOffset until) =>
        _events.Where(e => e.At <= until && (after is null || e.At > after) && string.Equals(e.Type, type, StringComparison.Ordinal));
}
