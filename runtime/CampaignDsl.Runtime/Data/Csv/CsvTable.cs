using System.Collections.Frozen;
using System.Globalization;
using CsvHelper;

namespace CampaignDsl.Runtime.Data.Csv;

/// <summary>
/// One CSV file read record by record with CsvHelper: RFC 4180 quoting (separators, quotes and line
/// breaks inside quoted fields), CRLF or LF, a UTF-8 byte order mark, and a header row. A record
/// the reader cannot make sense of (a quote never closed, a different number of fields than the
/// header, bytes that are not UTF-8 text) is reported with its line as a bad row and skipped; blank
/// lines are no rows. A header that names a column twice, or is not UTF-8 text, makes the file unreadable.
/// </summary>
internal sealed class CsvTable : IAsyncDisposable
{
    /// <summary>
    /// The longest record read, in bytes: far beyond any real export's row, it keeps memory bounded when a file is not
    /// what it seems (a quote never closed at the start of a large file, one huge line). docs/runtime.md, "CSV files".
    /// </summary>
    public const int MaxRecordBytes = 1024 * 1024;

    private readonly CsvReader _reader;
    private readonly Action<DataProblem> _problems;
    private readonly FrozenDictionary<string, int> _columns;
    private long _malformed;

    private CsvTable(CsvReader reader, string displayPath, IReadOnlyList<string> headers, FrozenDictionary<string, int> columns, Action<DataProblem> problems)
    {
        _reader = reader;
        _problems = problems;
        DisplayPath = displayPath;
        Headers = headers;
        _columns = columns;
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
        var beforeTable = new List<DataProblem>();
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,

            // The header is read as the first record, so that its bytes are checked as a row's are: CsvHelper's own
            // header reading decodes names with U+FFFD in place of bad bytes, and takes the next record as the header
            // when the first one is malformed.
            HasHeader = false,
            TrackLineNumbers = true,
            PoolStrings = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record =>
            {
                var problem = new DataProblem(displayPath, (int)record.LineNumber, Describe(record.Reason));
                if (table is null)
                {
                    beforeTable.Add(problem);
                    return;
                }

                Interlocked.Increment(ref table._malformed);
                problems(problem with { Message = $"{problem.Message}; the row is skipped" });
            },
        };

        CsvReader reader;
        try
        {
            // No buffer of its own: CsvHelper reads in blocks of its buffer's size.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            if (StartsWithUtf16Mark(stream))
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw new DataSourceException($"'{displayPath}' is not UTF-8; nothing is read from the file", [new DataProblem(displayPath, 1,
                    "the file starts with a UTF-16 or UTF-32 byte order mark: CSV data files are UTF-8; save it as UTF-8 (for example `iconv -f UTF-16 -t UTF-8`)")]);
            }

            reader = CsvReader.Create(stream, options, leaveOpen: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"cannot read '{displayPath}': {e.Message}", e);
        }

        try
        {
            var found = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var headerLine = found ? (int)reader.LineNumber : int.MaxValue;
            if (beforeTable.FirstOrDefault(p => p.Line <= headerLine) is { } malformed)
            {
                throw new DataSourceException($"the header of '{displayPath}' is malformed; nothing is read from the file",
                    [malformed with { Message = $"header: {malformed.Message}" }]);
            }

            var headers = found ? Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetString(i) ?? "").Trim()).ToList() : [];
            if (headers.Count == 0 || headers.All(h => h.Length == 0))
            {
                throw new DataSourceException($"'{displayPath}' is empty: a CSV data file starts with a header row naming its columns");
            }

            if (RecordText.Flaw(reader, []) is { } flaw)
            {
                throw new DataSourceException($"the header of '{displayPath}' is not UTF-8 text; nothing is read from the file",
                    [new DataProblem(displayPath, headerLine, $"header, {flaw}")]);
            }

            table = new CsvTable(reader, displayPath, headers, Columns(headers, displayPath, headerLine), problems);

            // Records after the header that the reader found malformed while it looked for the header.
            foreach (var problem in beforeTable)
            {
                Interlocked.Increment(ref table._malformed);
                problems(problem with { Message = $"{problem.Message}; the row is skipped" });
            }

            return table;
        }
        catch (CsvFormatException e) when (IsTooLong(e))
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw TooLong(displayPath, 0, e);
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

    /// <summary>
    /// Moves to the next record whose bytes are text; false at the end of the file. A record with invalid UTF-8 or a
    /// NUL byte is reported as a bad row and skipped, like a malformed one, so no field is ever read with its bytes replaced.
    /// </summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (RecordText.Flaw(_reader, Headers) is not { } flaw)
                {
                    return true;
                }

                Interlocked.Increment(ref _malformed);
                _problems(new DataProblem(DisplayPath, Line, $"{flaw}; the row is skipped"));
            }

            return false;
        }
        catch (CsvFormatException e) when (IsTooLong(e))
        {
            throw TooLong(DisplayPath, Line, e);
        }
        catch (Exception e) when (e is IOException or CsvFormatException)
        {
            throw new DataSourceException($"cannot read '{DisplayPath}' after line {Line}: {e.Message}", e);
        }
    }

    private static bool IsTooLong(CsvFormatException e) =>
        e.Message.Contains("MaxRecordSize", StringComparison.Ordinal) || e.Message.Contains("record size", StringComparison.OrdinalIgnoreCase);

    private static DataSourceException TooLong(string displayPath, int line, CsvFormatException e) => new(
        $"'{displayPath}' has a record longer than {MaxRecordBytes / 1024 / 1024} MB {(line > 0 ? $"after line {line}" : "at its start (line 1, the header)")}: "
        + "a quote that is never closed, or not a CSV file; nothing was imported", e);

    /// <summary>The field of the current record, "" when the record is shorter.</summary>
    public string Field(int index) => index < _reader.FieldCount ? _reader.GetString(index) ?? "" : "";

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    /// <summary>
    /// Whether the file starts with a UTF-16 or UTF-32 byte order mark. CsvHelper would transcode such a file and put
    /// U+FFFD in place of an unpaired surrogate without a word, so it is refused as campaign files and templates are.
    /// The stream is left at its start; one that cannot seek (a pipe) is left to be read as UTF-8.
    /// </summary>
    private static bool StartsWithUtf16Mark(FileStream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[4];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return (read >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
            || (read == 4 && start[0] == 0 && start[1] == 0 && start[2] == 0xFE && start[3] == 0xFF);
    }

    /// <summary>
    /// The columns by name. A name the header gives twice (after trimming, as the mapping matches names) makes the
    /// file unreadable: which column a mapping or a canonical field means is ambiguous, so every row would be a guess.
    /// Columns without a name are not looked up and may repeat.
    /// </summary>
    private static FrozenDictionary<string, int> Columns(List<string> headers, string displayPath, int headerLine)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<DataProblem>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length > 0 && !columns.TryAdd(headers[i], i))
            {
                problems.Add(new DataProblem(displayPath, headerLine, string.Create(CultureInfo.InvariantCulture,
                    $"header: the column `{headers[i]}` appears twice (columns {columns[headers[i]] + 1} and {i + 1}), so which one holds the value is ambiguous; rename or remove one of them")));
            }
        }

        return problems.Count == 0
            ? columns.ToFrozenDictionary(StringComparer.Ordinal)
            : throw new DataSourceException($"the header of '{displayPath}' repeats a column name; nothing is read from the file", problems);
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed (a \" is missing)",
        CsvMalformedReason.FieldCountMismatch => "the row has a different number of fields than the header",
        CsvMalformedReason.StrayQuote => "a \" inside an unquoted field; quote the whole field and double the quote (\"\")",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        _ => $"malformed row ({reason})",
    };
}
