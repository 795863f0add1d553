using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Tests.Infrastructure;

/// <summary>
/// Prints source files with their diagnostics interleaved, one annotation under the line where its
/// span starts:
/// <code>
///    6 |   stage value after five {
///      |                     ^^^^ error CDSL0009: expected a duration like `5d` or `72h` after `after`, found `five`
/// </code>
/// Every line of every file is printed, under a heading that names the file and anything unusual
/// about its bytes. Carets cover the span; an empty span gets one caret and <c>(empty span)</c>, a
/// span over several lines is underlined to the end of its first line and says where it ends.
/// Control characters are shown as their Unicode pictures (NUL as ␀) and tabs are kept, in the
/// caret line too, so the carets stay aligned in any editor.
/// </summary>
internal static class AnnotatedSource
{
    public static string Render(IReadOnlyList<(string Path, byte[] Content)> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        var output = new StringBuilder();
        foreach (var (path, content) in files)
        {
            var (text, traits) = Display(content);
            output.Append("== ").Append(path).Append(traits.Count == 0 ? "" : $" ({string.Join("; ", traits)})").Append(" ==\n");
            RenderFile(output, new SourceText(path, text), [.. diagnostics.Where(d => d.Location.Path == path)]);
        }

        foreach (var diagnostic in diagnostics.Where(d => files.All(f => f.Path != d.Location.Path)))
        {
            output.Append("in no input file: ").Append(diagnostic).Append('\n');
        }

        return output.Append(Summary(diagnostics)).Append('\n').ToString();
    }

    private static void RenderFile(StringBuilder output, SourceText source, List<Diagnostic> diagnostics)
    {
        var width = Math.Max(4, source.LineCount.ToString(CultureInfo.InvariantCulture).Length);
        var gutter = new string(' ', width) + " |";
        for (var number = 1; number <= source.LineCount; number++)
        {
            var line = source.GetLine(number);
            var annotations = diagnostics.Where(d => d.Location.Start.Line == number).ToList();
            // The empty "line" after a final line break is only worth printing when something points at it.
            if (number == source.LineCount && number > 1 && line.Length == 0 && annotations.Count == 0)
            {
                break;
            }

            output.Append(number.ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(" |");
            if (line.Length > 0)
            {
                output.Append(' ').Append(ShowControlCharacters(line));
            }

            output.Append('\n');
            foreach (var diagnostic in annotations)
            {
                output.Append(gutter).Append(' ').Append(Annotation(line, diagnostic)).Append('\n');
            }
        }

        // A position past the end would be a compiler bug; show it rather than lose it.
        foreach (var diagnostic in diagnostics.Where(d => d.Location.Start.Line > source.LineCount))
        {
            output.Append(gutter).Append(" past the end: ").Append(diagnostic).Append('\n');
        }
    }

    private static string Annotation(string line, Diagnostic diagnostic)
    {
        var start = diagnostic.Location.Start;
        var end = diagnostic.Location.End;
        var column = Math.Min(start.Column - 1, line.Length);
        var indent = new string([.. line[..column].Select(c => c == '\t' ? '\t' : ' ')]);
        var (carets, note) = start == end ? (1, " (empty span)")
            : start.Line == end.Line ? (end.Column - start.Column, "")
            : (Math.Max(1, line.Length - column), $" (span ends at {end.Line}:{end.Column})");

        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return $"{indent}{new string('^', carets)} {severity} {diagnostic.Code}{note}: {diagnostic.Message}";
    }

    /// <summary>The text as the compiler reads it, and what is unusual about the bytes.</summary>
    private static (string Text, List<string> Traits) Display(byte[] content)
    {
        var traits = new List<string>();
        string text;
        if (content.AsSpan().StartsWith((byte[])[0xFF, 0xFE]) || content.AsSpan().StartsWith((byte[])[0xFE, 0xFF]))
        {
            // The compiler refuses UTF-16; decode it anyway so the baseline shows what the file says.
            var littleEndian = content[0] == 0xFF;
            traits.Add(littleEndian ? "UTF-16 LE" : "UTF-16 BE");
            text = (littleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(content, 2, content.Length - 2);
        }
        else
        {
            var bom = content.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]);
            if (bom)
            {
                traits.Add("UTF-8 byte-order mark");
            }

            var bytes = content.AsSpan(bom ? 3 : 0);
            text = Encoding.UTF8.GetString(bytes);
            if (!Utf8.IsValid(bytes))
            {
                traits.Add("invalid UTF-8 shown as \uFFFD");
            }
        }

        AddTrait(traits, text.Contains('\0', StringComparison.Ordinal), "NUL bytes shown as \u2400");
        AddTrait(traits, text.Contains("\r\n", StringComparison.Ordinal), "CRLF line endings");
        AddTrait(traits, text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal), "CR line endings");
        AddTrait(traits, text.Contains('\t', StringComparison.Ordinal), "tabs");
        AddTrait(traits, text.Length == 0, "empty");
        AddTrait(traits, text.Length > 0 && text[^1] is not ('\n' or '\r'), "no line break at the end");
        return (text, traits);
    }

    private static void AddTrait(List<string> traits, bool present, string trait)
    {
        if (present)
        {
            traits.Add(trait);
        }
    }

    private static string ShowControlCharacters(string line) => string.Create(line.Length, line, (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            span[i] = c switch
            {
                '\t' => c,
                < ' ' => (char)(0x2400 + c),
                '\x7F' => '\u2421',
                _ => c,
            };
        }
    });

    private static string Summary(IReadOnlyList<Diagnostic> diagnostics)
    {
        var counts = diagnostics
            .GroupBy(d => d.Severity)
            .OrderByDescending(g => g.Key)
            .Select(g => g.Count() == 1 ? $"1 {Severity(g.Key)}" : $"{g.Count()} {Severity(g.Key)}s")
            .ToList();
        return counts.Count == 0 ? "(no diagnostics)" : $"({string.Join(", ", counts)})";
    }

    private static string Severity(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();
}
