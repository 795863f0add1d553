using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace CampaignDsl.Runtime.Data.Memory;

/// <summary>
/// Contacts and events held in memory, for tests and small examples: the reference the other
/// sources must agree with (same order rules, same filters).
/// </summary>
public sealed class MemoryContactSource(IEnumerable<Contact> contacts, IEnumerable<ContactEvent> events) : IContactSource, IContactCounter
{
    private readonly ImmutableArray<Contact> _contacts = [.. contacts.OrderBy(c => c.Id, StringComparer.Ordinal)];
    private readonly ImmutableArray<ContactEvent> _events = [.. events];

    public string Kind => "memory";

    public Task<long> CountContactsAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)_contacts.Length);

    public async IAsyncEnumerable<Contact> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var contact in _contacts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return contact;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ContactEvent> ReadEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var selected = _events.Where(query.Matches);
        var ordered = query.Order switch
        {
            EventOrder.ByTime => selected.OrderBy(e => e.At).ThenBy(e => e.ContactId, StringComparer.Ordinal),
            EventOrder.ByContact => selected.OrderBy(e => e.ContactId, StringComparer.Ordinal).ThenBy(e => e.At),
            _ => selected,
        };
        foreach (var e in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
