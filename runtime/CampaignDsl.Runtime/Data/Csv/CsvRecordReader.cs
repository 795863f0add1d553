using System.Runtime.CompilerServices;
using CampaignDsl.Runtime.Data.Mapping;

namespace CampaignDsl.Runtime.Data.Csv;

/// <summary>
/// One contacts or events CSV file read through its mapping: every row comes out as a record, a
/// skip by the mapping's <c>where</c>, or a bad row (a value that does not parse, a missing id, a
/// malformed record), so a caller can account for every row.
/// </summary>
public sealed class CsvRecordReader : IAsyncDisposable, IRow
{
    private readonly CsvTable _table;

    private CsvRecordReader(CsvTable table, RecordMapper mapper, long length)
    {
        _table = table;
        Mapper = mapper;
        Length = length;
    }

    public RecordMapper Mapper { get; }

    public string DisplayPath => _table.DisplayPath;

    /// <summary>The file's size in bytes, and how far the reader is, for progress.</summary>
    public long Length { get; }

    public long Position => _table.BytePosition;

    /// <summary>
    /// Opens a file and checks the mapping against its header. A file that cannot be read, or a
    /// mapping that does not fit it, is a <see cref="DataSourceException"/> with the problems located.
    /// </summary>
    public static async Task<CsvRecordReader> OpenAsync(
        string path, string displayPath, RecordKind kind, DataMapping mapping, DataSchema schema, Action<DataProblem> malformed, CancellationToken cancellationToken = default)
    {
        var table = await CsvTable.OpenAsync(path, displayPath, mapping.Separator, malformed, cancellationToken).ConfigureAwait(false);
        var problems = new List<DataProblem>();
        var entries = kind == RecordKind.Contacts ? mapping.Contacts : mapping.Events;
        var mapper = RecordMapper.Create(kind, entries, table.Headers, displayPath, mapping.Timestamps, schema, problems);
        if (mapper is null)
        {
            await table.DisposeAsync().ConfigureAwait(false);
            throw new DataSourceException($"the {(kind == RecordKind.Contacts ? "contacts" : "events")} mapping does not fit '{displayPath}'", problems);
        }

        return new CsvRecordReader(table, mapper, new FileInfo(path).Length);
    }

    /// <summary>
    /// The column names of a file's header, read as <see cref="OpenAsync"/> reads it (bounded in memory, checked to be
    /// text without a repeated name), to tell a contacts file from an events file. Problems are a <see cref="DataSourceException"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadHeaderAsync(string path, string displayPath, char separator, CancellationToken cancellationToken = default)
    {
        await using var table = await CsvTable.OpenAsync(path, displayPath, separator, _ => { }, cancellationToken).ConfigureAwait(false);
        return table.Headers;
    }

    public int? ColumnOf(string name) => _table.ColumnOf(name);

    public string Field(int column) => _table.Field(column);

    /// <summary>The outcome of every contacts row, in file order.</summary>
    public async IAsyncEnumerable<RowOutcome<Contact>> ReadContactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _table.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Mapper.MapContact(this, _table.Line);
        }
    }

    /// <summary>The outcome of every events row, in file order.</summary>
    public async IAsyncEnumerable<RowOutcome<ContactEvent>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _table.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Mapper.MapEvent(this, _table.Line);
        }
    }

    public ValueTask DisposeAsync() => _table.DisposeAsync();
}
