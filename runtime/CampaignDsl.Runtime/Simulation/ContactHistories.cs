using System.Runtime.CompilerServices;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>
/// Each contact with its events, one at a time. A source that sorts (SQLite, memory) is read as two streams,
/// contacts and events both by contact id, merged, so only one contact's events are ever in memory. A CSV
/// source cannot sort, so its events are grouped in memory: fine for the files people hand-edit, and the
/// reason big data belongs in the store (<c>campaignc import</c>).
/// </summary>
public static class ContactHistories
{
    public static IAsyncEnumerable<ContactHistory> ReadAsync(IContactSource source, CancellationToken cancellationToken = default) =>
        source.Kind == "csv" ? GroupedAsync(source, cancellationToken) : MergedAsync(source, cancellationToken);

    private static async IAsyncEnumerable<ContactHistory> MergedAsync(IContactSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = source.ReadEventsAsync(EventQuery.All with { Order = EventOrder.ByContact }, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events.ConfigureAwait(false))
        {
            var pending = await events.MoveNextAsync().ConfigureAwait(false) ? events.Current : null;
            await foreach (var contact in source.ReadContactsAsync(cancellationToken).ConfigureAwait(false))
            {
                var own = new List<ContactEvent>();

                // Events of contacts that are not in the contacts (orphans) sort before the next contact and are passed over.
                while (pending is not null && string.CompareOrdinal(pending.ContactId, contact.Id) <= 0)
                {
                    if (string.Equals(pending.ContactId, contact.Id, StringComparison.Ordinal))
                    {
                        own.Add(pending);
                    }

                    pending = await events.MoveNextAsync().ConfigureAwait(false) ? events.Current : null;
                }

                yield return new ContactHistory(contact, own);
            }
        }
    }

    private static async IAsyncEnumerable<ContactHistory> GroupedAsync(IContactSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byContact = new Dictionary<string, List<ContactEvent>>(StringComparer.Ordinal);
        await foreach (var e in source.ReadEventsAsync(EventQuery.All with { Order = EventOrder.AsStored }, cancellationToken).ConfigureAwait(false))
        {
            if (!byContact.TryGetValue(e.ContactId, out var list))
            {
                byContact[e.ContactId] = list = [];
            }

            list.Add(e);
        }

        await foreach (var contact in source.ReadContactsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ContactHistory(contact, byContact.TryGetValue(contact.Id, out var list) ? list : []);
        }
    }
}
