using System.Text;
using CampaignDsl.Compiler.Diagnostics;

namespace Campaignc.Output;

/// <summary>
/// The compiler-style text format: <c>path(line,col): error CODE: message</c>, then the source line
/// with the span underlined. Colour only when writing to a terminal and NO_COLOR is not set.
/// </summary>
public sealed class TextDiagnosticWriter(bool color) : IDiagnosticWriter
{
    private const string Red = "\e[31;1m";
    private const string Yellow = "\e[33;1m";
    private const string Cyan = "\e[36m";
    private const string Dim = "\e[2m";
    private const string Reset = "\e[0m";

    public void Write(ValidationReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            WriteOne(diagnostic, output);
        }

        output.WriteLine(report.Summary());
    }

    private void WriteOne(Diagnostic diagnostic, TextWriter output)
    {
        var start = diagnostic.Location.Start;
        var (severity, tint) = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => ("error", Red),
            DiagnosticSeverity.Warning => ("warning", Yellow),
            _ => ("info", Cyan),
        };

        output.WriteLine($"{diagnostic.Location.Path}({start.Line},{start.Column}): {Paint(tint, severity + " " + diagnostic.Code)}: {diagnostic.Message}");
        if (diagnostic.Location.Source.Text.Length == 0)
        {
            return;
        }

        var line = diagnostic.Location.Source.GetLine(start.Line);
        var gutter = start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"{Paint(Dim, $" {gutter} |")} {Printable(line)}");
        output.WriteLine($"{Paint(Dim, $" {new string(' ', gutter.Length)} |")} {Paint(tint, Underline(line, diagnostic))}");
    }

    // Keeps tabs in the underline so that it lines up with the source line above it.
    private static string Underline(string line, Diagnostic diagnostic)
    {
        var start = diagnostic.Location.Start;
        var end = diagnostic.Location.End;
        var from = Math.Min(start.Column - 1, line.Length);
        var to = end.Line == start.Line ? Math.Min(end.Column - 1, line.Length) : line.Length;
        var marks = new StringBuilder();
        for (var i = 0; i < from; i++)
        {
            marks.Append(line[i] == '\t' ? '\t' : ' ');
        }

        marks.Append('^', Math.Max(1, to - from));
        return marks.ToString();
    }

    private static string Printable(string line) =>
        string.Create(line.Length, line, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) && source[i] != '\t' ? '?' : source[i];
            }
        });

    private string Paint(string tint, string text) => color ? tint + text + Reset : text;
}
