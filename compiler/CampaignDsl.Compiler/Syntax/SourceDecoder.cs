using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>
/// Turns a file's bytes into text, or into a diagnostic that says why it cannot be a campaign file
/// (too large, binary, not UTF-8). A UTF-8 byte-order mark is accepted and dropped.
/// </summary>
public static class SourceDecoder
{
    /// <summary>Campaign files larger than this are refused before lexing.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public static (SourceText Source, Diagnostic? Error) Decode(string path, ReadOnlySpan<byte> bytes)
    {
        var (text, problem) = TextDecoder.Decode(path, bytes, MaxFileBytes);
        if (problem is null)
        {
            return (text, null);
        }

        var at = new SourceLocation(text, problem.Offset is { } offset
            ? new TextSpan(offset, problem.Kind == TextDecodeProblemKind.InvalidUtf8 ? 1 : 0)
            : default);
        return (text, problem.Kind switch
        {
            TextDecodeProblemKind.TooLarge => DiagnosticCatalog.TooLarge(at, MaxFileBytes),
            TextDecodeProblemKind.Utf16 => DiagnosticCatalog.InvalidEncoding.Create(at, "the file is UTF-16; re-save it as UTF-8"),
            TextDecodeProblemKind.Binary => DiagnosticCatalog.Binary(at),
            _ => DiagnosticCatalog.InvalidUtf8(at, problem.Byte ?? 0),
        });
    }
}
