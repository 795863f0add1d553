using System.Text.Json;

namespace Campaignc.Tests.Infrastructure;

/// <summary>One diagnostic of the <c>--format json</c> report.</summary>
internal sealed record JsonDiagnostic(string Code, string Severity, string Message, string Path, int Line, int Column, int EndLine, int EndColumn);

/// <summary>The <c>--format json</c> report, read back with System.Text.Json.</summary>
internal sealed record JsonReport(int Version, int Files, int Errors, int Warnings, IReadOnlyList<JsonDiagnostic> Diagnostics)
{
    public static JsonReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().Select(d => new JsonDiagnostic(
            d.GetProperty("code").GetString()!,
            d.GetProperty("severity").GetString()!,
            d.GetProperty("message").GetString()!,
            d.GetProperty("path").GetString()!,
            d.GetProperty("line").GetInt32(),
            d.GetProperty("column").GetInt32(),
            d.GetProperty("endLine").GetInt32(),
            d.GetProperty("endColumn").GetInt32())).ToList();
        return new JsonReport(
            root.GetProperty("version").GetInt32(),
            root.GetProperty("files").GetInt32(),
            root.GetProperty("errors").GetInt32(),
            root.GetProperty("warnings").GetInt32(),
            diagnostics);
    }
}

/// <summary>Checks that positions a report gives lie inside the file they name.</summary>
internal static class Positions
{
    /// <summary>The lines of a text split as the compiler splits them (CRLF, CR or LF), without their breaks.</summary>
    public static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\r', '\n');

    public static void AssertInside(string text, JsonDiagnostic d) => AssertInside(Lines(text), d);

    public static void AssertInside(string[] lines, JsonDiagnostic d)
    {
        AssertPosition(lines, d.Line, d.Column, d);
        AssertPosition(lines, d.EndLine, d.EndColumn, d);
        Assert.True((d.EndLine, d.EndColumn).CompareTo((d.Line, d.Column)) >= 0, $"the span ends before it starts: {d}");
    }

    private static void AssertPosition(string[] lines, int line, int column, JsonDiagnostic d)
    {
        Assert.True(line >= 1 && line <= lines.Length, $"line {line} is outside the file's {lines.Length} lines: {d}");
        var length = lines[line - 1].Length;
        Assert.True(column >= 1 && column <= length + 1, $"column {column} is outside line {line} ({length} characters): {d}");
    }
}
