using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace CampaignDsl.Runtime.Data.Csv;

/// <summary>
/// Whether a record's bytes are text: valid UTF-8 without NUL bytes. CsvHelper decodes a field with U+FFFD in place
/// of every invalid sequence and keeps NUL bytes, which would store an altered value without a word; the bytes are
/// checked before any field is decoded instead, the whole record at once (vectorised, so a file costs one more pass
/// over bytes already in memory) and field by field only to say where the flaw is. docs/runtime.md, "CSV files".
/// </summary>
internal static class RecordText
{
    /// <summary>What is wrong with the current record's bytes, naming the column; null when they are text.</summary>
    public static string? Flaw(CsvReader reader, IReadOnlyList<string> columns)
    {
        var record = reader.RawRecord;
        if (Utf8.IsValid(record) && !record.Contains((byte)0))
        {
            return null;
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (Flaw(reader.GetRawSpan(i)) is { } flaw)
            {
                return $"{Column(columns, i)}: {flaw}";
            }
        }

        // Separators, quotes and line breaks are ASCII, so the flaw lies in a field; this is a safeguard.
        return Flaw(record) ?? "the row is not UTF-8 text";
    }

    /// <summary>The column as messages name it: by its header name, and by its position when it has none.</summary>
    public static string Column(IReadOnlyList<string> columns, int index) =>
        index < columns.Count && columns[index].Length > 0
            ? $"column `{columns[index]}`"
            : string.Create(CultureInfo.InvariantCulture, $"column {index + 1}");

    private static string? Flaw(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes[offset] == 0)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"a NUL byte (0x00) at byte {offset + 1} of the field: NUL is no text (a UTF-16 or binary file, or a damaged export); remove it, or save the file as UTF-8");
            }

            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                var invalid = string.Join(' ', bytes.Slice(offset, Math.Max(consumed, 1)).ToArray().Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
                return string.Create(CultureInfo.InvariantCulture,
                    $"invalid UTF-8 ({invalid} at byte {offset + 1} of the field): the file must be UTF-8; convert it (for example `iconv -f WINDOWS-1252 -t UTF-8`) or correct those bytes");
            }

            offset += consumed;
        }

        return null;
    }
}
