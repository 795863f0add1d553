using System.Text.Encodings.Web;
using System.Text.Json;

namespace Campaignc.Output;

/// <summary>A JSON document for tools: counts and every diagnostic with its code, span and help. Documented in docs/diagnostics.md.</summary>
public sealed class JsonDiagnosticWriter : IDiagnosticWriter
{
    public const int FormatVersion = 1;

    public void Write(ValidationReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("errors", report.ErrorCount);
            json.WriteNumber("warnings", report.WarningCount);
            json.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics)
            {
                var start = d.Location.Start;
                var end = d.Location.End;
                json.WriteStartObject();
                json.WriteString("code", d.Code);
                json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", d.Message);
                json.WriteString("path", d.Location.Path);
                json.WriteNumber("line", start.Line);
                json.WriteNumber("column", start.Column);
                json.WriteNumber("endLine", end.Line);
                json.WriteNumber("endColumn", end.Column);
                json.WriteString("title", d.Descriptor.Title);
                json.WriteString("help", d.Descriptor.Help);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
