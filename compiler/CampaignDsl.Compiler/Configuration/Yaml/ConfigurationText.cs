using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Turns the bytes of campaignc.yaml into text, or into a diagnostic that says why it is not UTF-8
/// text. A UTF-8 byte-order mark is accepted and dropped. The same rules as for campaign files
/// (<see cref="TextDecoder"/>), with the configuration's own codes, since the fix is worded for this file.
/// </summary>
internal static class ConfigurationText
{
    public static (SourceText Source, Diagnostic? Error) Decode(string path, ReadOnlySpan<byte> bytes)
    {
        var (text, problem) = TextDecoder.Decode(path, bytes, ConfigurationLoader.MaxFileBytes);
        if (problem is null)
        {
            return (text, null);
        }

        var at = new SourceLocation(text, problem.Offset is { } offset
            ? new TextSpan(offset, problem.Kind == TextDecodeProblemKind.InvalidUtf8 ? 1 : 0)
            : default);
        return (text, problem.Kind switch
        {
            TextDecodeProblemKind.TooLarge => DiagnosticCatalog.ConfigurationTooLarge(at, ConfigurationLoader.MaxFileBytes),
            TextDecodeProblemKind.Utf16 => DiagnosticCatalog.ConfigurationUtf16(at),
            TextDecodeProblemKind.Binary => DiagnosticCatalog.ConfigurationBinary(at),
            _ => DiagnosticCatalog.ConfigurationNotUtf8(at, problem.Byte ?? 0),
        });
    }
}
