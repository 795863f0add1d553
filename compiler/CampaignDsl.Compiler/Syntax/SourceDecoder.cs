using System.Text;
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

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (SourceText Source, Diagnostic? Error) Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxFileBytes)
        {
            var empty = new SourceText(path, "");
            return (empty, DiagnosticCatalog.TooLarge(new SourceLocation(empty, default), bytes.Length, MaxFileBytes));
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var empty = new SourceText(path, "");
            return (empty, DiagnosticCatalog.InvalidEncoding.Create(new SourceLocation(empty, default),
                "the file is UTF-16; re-save it as UTF-8"));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var prefix = new SourceText(path, Encoding.UTF8.GetString(bytes[..nul]));
            return (prefix, DiagnosticCatalog.Binary(new SourceLocation(prefix, new TextSpan(prefix.Text.Length, 0))));
        }

        try
        {
            return (new SourceText(path, StrictUtf8.GetString(bytes)), null);
        }
        catch (DecoderFallbackException)
        {
            var bad = FindInvalidByte(bytes);
            var text = new SourceText(path, Encoding.UTF8.GetString(bytes));
            var offset = Encoding.UTF8.GetString(bytes[..bad]).Length;
            return (text, DiagnosticCatalog.InvalidUtf8(new SourceLocation(text, new TextSpan(offset, 1)), bytes[bad]));
        }
    }

    private static int FindInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return Math.Max(0, bytes.Length - 1);
    }
}
