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
    private const string Ellipsis = "...";
    private const int MaxShownLength = 200;
    private const int ContextBefore = 60;

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

        output.WriteLine($"{diagnostic.Location.Path}({start.Line},{start.Column}): {Paint(tint, severity + " " + diagnostic.Code)}: {Printable(diagnostic.Message)}");
        if (diagnostic.Location.Source.Text.Length == 0)
        {
            return;
        }

        var (shown, underline) = Excerpt(diagnostic.Location);
        var gutter = start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"{Paint(Dim, $" {gutter} |")} {Printable(shown)}");
        output.WriteLine($"{Paint(Dim, $" {new string(' ', gutter.Length)} |")} {Paint(tint, underline)}");
    }

    /// <summary>
    /// The source line of the span's start and the caret line under it. A line longer than
    /// <see cref="MaxShownLength"/> (minified or generated text) is cut to a window around the span,
    /// so a file with many errors on one huge line prints in time proportional to the errors.
    /// </summary>
    private static (string Line, string Underline) Excerpt(SourceLocation location)
    {
        var source = location.Source;
        var text = source.Text;
        var start = location.Start;
        var lineStart = source.GetOffset(start.Line, 1);
        var lineEnd = start.Line < source.LineCount ? source.GetOffset(start.Line + 1, 1) : text.Length;
        while (lineEnd > lineStart && text[lineEnd - 1] is '\n' or '\r')
        {
            lineEnd--;
        }

        var spanStart = Math.Clamp(location.Span.Start, lineStart, lineEnd);
        var spanEnd = Math.Clamp(location.Span.End, spanStart, lineEnd);
        var from = lineEnd - lineStart <= MaxShownLength ? lineStart : Math.Clamp(spanStart - ContextBefore, lineStart, lineEnd - MaxShownLength);
        var to = Math.Min(lineEnd, from + MaxShownLength);
        var prefix = from > lineStart ? Ellipsis : "";
        var suffix = to < lineEnd ? Ellipsis : "";

        // Keeps tabs in the underline so that it lines up with the source line above it.
        var marks = new StringBuilder(new string(' ', prefix.Length));
        for (var i = from; i < spanStart; i++)
        {
            marks.Append(text[i] == '\t' ? '\t' : ' ');
        }

        marks.Append('^', Math.Max(1, Math.Min(spanEnd, to) - spanStart));
        return (prefix + text[from..to] + suffix, marks.ToString());
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
