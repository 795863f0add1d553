using System.Collections.Frozen;
using CsvHelper;

namespace CampaignDsl.Runtime.Data.Csv;

/// <summary>
/// One CSV file read record by record with CsvHelper: RFC 4180 quoting (separators, quotes and line
/// breaks inside quoted fields), CRLF or LF, a UTF-8 byte order mark, and a header row. A record
/// the reader cannot make sense of (a quote never closed, a different number of fields than the
/// header) is reported with its line as a bad row and skipped; blank lines are no rows.
/// </summary>
internal sealed class CsvTable : IAsyncDisposable
{
    /// <summary>
    /// The longest record read, in bytes: far beyond any real export's row, it keeps memory bounded when a file is not
    /// what it seems (a quote never closed at the start of a large file, one huge line). docs/runtime.md, "CSV files".
    /// </summary>
    public const int MaxRecordBytes = 1024 * 1024;

    private readonly CsvReader _reader;
    private readonly FrozenDictionary<string, int> _columns;
    private long _malformed;

    private CsvTable(CsvReader reader, string displayPath, IReadOnlyList<string> headers)
    {
        _reader = reader;
        DisplayPath = displayPath;
        Headers = headers;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            columns.TryAdd(headers[i], i);
        }

        _columns = columns.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The path as messages show it.</summary>
    public string DisplayPath { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The bad records the reader skipped so far (they are reported as they are met).</summary>
    public long MalformedCount => Interlocked.Read(ref _malformed);

    /// <summary>The one-based line where the current record starts.</summary>
    public int Line => (int)_reader.LineNumber;

    /// <summary>Bytes read so far, for progress.</summary>
    public long BytePosition => _reader.ByteOffset;

    /// <summary>
    /// Opens a file and reads its header. A missing or unreadable file, or one without a header,
    /// is a <see cref="DataSourceException"/>; bad records found later go to <paramref name="problems"/>.
    /// </summary>
    public static async Task<CsvTable> OpenAsync(string path, string displayPath, char separator, Action<DataProblem> problems, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new DataSourceException($"data file '{displayPath}' does not exist");
        }

        CsvTable? table = null;
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            PoolStrings = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record =>
            {
                if (table is not null)
                {
                    Interlocked.Increment(ref table._malformed);
                }

                problems(new DataProblem(displayPath, (int)record.LineNumber, Describe(record.Reason)));
            },
        };

        CsvReader reader;
        try
        {
            reader = CsvReader.FromFile(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"cannot read '{displayPath}': {e.Message}", e);
        }

        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            var headers = reader.Headers.Select(h => h.Trim()).ToList();
            if (headers.Count == 0 || headers.All(h => h.Length == 0))
            {
                throw new DataSourceException($"'{displayPath}' is empty: a CSV data file starts with a header row naming its columns");
            }

            table = new CsvTable(reader, displayPath, headers);
            return table;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw new DataSourceException($"cannot read '{displayPath}': {e.Message}", e);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public int? ColumnOf(string name) => _columns.TryGetValue(name, out var index) ? index : null;

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e) when (e.Message.Contains("MaxRecordSize", StringComparison.Ordinal) || e.Message.Contains("record size", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataSourceException(
                $"'{DisplayPath}' has a record longer than {MaxRecordBytes / 1024 / 1024} MB after line {Line}: a quote that is never closed, or not a CSV file; "
                + "nothing was imported", e);
        }
        catch (Exception e) when (e is IOException or CsvFormatException)
        {
            throw new DataSourceException($"cannot read '{DisplayPath}' after line {Line}: {e.Message}", e);
        }
    }

    /// <summary>The field of the current record, "" when the record is shorter.</summary>
    public string Field(int index) => index < _reader.FieldCount ? _reader.GetString(index) ?? "" : "";

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed (a \" is missing); the row is skipped",
        CsvMalformedReason.FieldCountMismatch => "the row has a different number of fields than the header; the row is skipped",
        CsvMalformedReason.StrayQuote => "a \" inside an unquoted field; quote the whole field and double the quote (\"\"); the row is skipped",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field; the row is skipped",
        _ => $"malformed row ({reason}); the row is skipped",
    };
}
