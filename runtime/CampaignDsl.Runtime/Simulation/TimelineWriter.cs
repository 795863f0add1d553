using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>
/// Writes timeline rows as they come, as CSV (a header, then one row per entry, RFC 4180 quoting) or JSON Lines
/// (one object per line), chosen by the file's extension. Times are ISO 8601: UTC with <c>Z</c>, local without an offset.
/// </summary>
public sealed class TimelineWriter : IDisposable
{
    public static readonly string[] Columns =
    [
        "at_utc", "at_local", "timezone", "contact_id", "campaign", "stage", "status", "channel", "send", "variant",
        "subject_variant", "subject", "incentive", "incentive_code", "template_sha256", "deferred_from_utc", "reason", "enrolment",
    ];

    /// <summary>The one column written as a number in JSON Lines (after <see cref="Columns"/>: static fields are set in order).</summary>
    private static readonly int EnrolmentColumn = Array.IndexOf(Columns, "enrolment");

    private readonly TextWriter _writer;
    private readonly bool _jsonLines;

    public TimelineWriter(TextWriter writer, bool jsonLines)
    {
        _writer = writer;
        _jsonLines = jsonLines;
        if (!jsonLines)
        {
            _writer.Write(string.Join(',', Columns) + "\n");
        }
    }

    /// <summary>Null when the extension is neither <c>.csv</c> nor <c>.jsonl</c>.</summary>
    public static bool? IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? true
        : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    public void Write(TimelineEntry entry)
    {
        if (!_jsonLines)
        {
            WriteCsv(entry);
            return;
        }

        var values = Values(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            for (var i = 0; i < Columns.Length; i++)
            {
                if (i == EnrolmentColumn && entry.Enrolment is { } enrolment)
                {
                    json.WriteNumber(Columns[i], enrolment);
                }
                else if (values[i] is { } value)
                {
                    json.WriteString(Columns[i], value);
                }
                else
                {
                    json.WriteNull(Columns[i]);
                }
            }

            json.WriteEndObject();
        }

        _writer.Write(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// One CSV row written field by field, times formatted into a stack buffer: the same text as <see cref="Values"/>
    /// joined with <see cref="Quote"/>, without the strings in between (a million-contact run writes millions of rows).
    /// </summary>
    private void WriteCsv(TimelineEntry e)
    {
        Span<char> time = stackalloc char[20];
        WriteTime(e.AtUtc.UtcDateTime, time, utc: true);
        _writer.Write(',');
        WriteTime(e.AtLocal, time, utc: false);
        foreach (var value in (ReadOnlySpan<string?>)[e.TimeZone, e.ContactId, e.Campaign, e.Stage, e.Status, e.Channel, e.SendId, e.Variant,
                     e.SubjectVariant, e.Subject, e.Incentive, e.IncentiveCode, e.TemplateHash])
        {
            _writer.Write(',');
            WriteQuoted(value);
        }

        _writer.Write(',');
        if (e.DeferredFrom is { } from)
        {
            WriteTime(from.UtcDateTime, time, utc: true);
        }

        _writer.Write(',');
        WriteQuoted(e.Reason);
        _writer.Write(',');
        if (e.Enrolment is { } enrolment)
        {
            _writer.Write(enrolment.ToString(CultureInfo.InvariantCulture));
        }

        _writer.Write('\n');
    }

    private void WriteTime(DateTime at, Span<char> buffer, bool utc)
    {
        at.TryFormat(buffer, out var written, utc ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    private void WriteQuoted(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write(Quote(value));
    }

    private static string?[] Values(TimelineEntry e) =>
    [
        Utc(e.AtUtc), e.AtLocal.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), e.TimeZone, e.ContactId, e.Campaign, e.Stage,
        e.Status, e.Channel, e.SendId, e.Variant, e.SubjectVariant, e.Subject, e.Incentive, e.IncentiveCode, e.TemplateHash,
        e.DeferredFrom is { } from ? Utc(from) : null, e.Reason, e.Enrolment?.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string? value) =>
        value is null ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
