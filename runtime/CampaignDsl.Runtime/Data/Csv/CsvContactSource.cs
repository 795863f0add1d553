using System.Runtime.CompilerServices;
using CampaignDsl.Runtime.Data.Mapping;

namespace CampaignDsl.Runtime.Data.Csv;

/// <summary>
/// Contacts and events straight from CSV files (canonical columns, or through a mapping). Rows are
/// read as they are streamed; bad rows go to the problem log, rows a mapping's <c>where</c> rejects are
/// left out. When the contacts file repeats an id (contacts derived from an events export), the first
/// row is the contact (the ids read so far are remembered for that: a set of ids, not the contacts). CSV cannot sort: events come in file order and a query for another order fails
/// at the first event out of it (import into SQLite to query in any order).
/// </summary>
public sealed class CsvContactSource(string contactsPath, string? eventsPath, DataMapping mapping, DataSchema schema, DataProblemLog problems, string? baseFolder = null) : IContactSource
{
    public string Kind => "csv";

    public async IAsyncEnumerable<Contact> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await CsvRecordReader.OpenAsync(contactsPath, Display(contactsPath), RecordKind.Contacts, mapping, schema, problems.Report, cancellationToken).ConfigureAwait(false);
        await foreach (var outcome in reader.ReadContactsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (outcome.Problem is { } problem)
            {
                problems.Report(problem);
            }
            else if (outcome.Value is { } contact && seen.Add(contact.Id))
            {
                yield return contact;
            }
        }
    }

    public async IAsyncEnumerable<ContactEvent> ReadEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (eventsPath is null)
        {
            yield break;
        }

        await using var reader = await CsvRecordReader.OpenAsync(eventsPath, Display(eventsPath), RecordKind.Events, mapping, schema, problems.Report, cancellationToken).ConfigureAwait(false);
        ContactEvent? previous = null;
        await foreach (var outcome in reader.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (outcome.Problem is { } problem)
            {
                problems.Report(problem);
                continue;
            }

            if (outcome.Value is not { } e || !query.Matches(e))
            {
                continue;
            }

            if (previous is not null && !query.InOrder(previous, e))
            {
                throw new DataSourceException(
                    $"'{reader.DisplayPath}' is not sorted {(query.Order == EventOrder.ByTime ? "by time" : "by contact and time")} (an event of contact {e.ContactId} at {e.At:u} comes after one at {previous.At:u}): "
                    + "sort the file, or load it into the store with `campaignc import` and read it from there");
            }

            previous = e;
            yield return e;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Display(string path) => baseFolder is null ? path : Path.GetRelativePath(baseFolder, path);
}
