using System.Text;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Turns the bytes of campaignc.yaml into text, or into a diagnostic that says why it is not UTF-8
/// text. A UTF-8 byte-order mark is accepted and dropped. The same rules as for campaign files, with
/// the configuration's own codes, since the fix is worded for this file.
/// </summary>
internal static class ConfigurationText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (SourceText Source, Diagnostic? Error) Decode(string path, ReadOnlySpan<byte> bytes)
    {
        var empty = new SourceText(path, "");
        if (bytes.Length > ConfigurationLoader.MaxFileBytes)
        {
            return (empty, DiagnosticCatalog.ConfigurationTooLarge(new SourceLocation(empty, default), bytes.Length, ConfigurationLoader.MaxFileBytes));
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (empty, DiagnosticCatalog.ConfigurationUtf16(new SourceLocation(empty, default)));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var prefix = new SourceText(path, Encoding.UTF8.GetString(bytes[..nul]));
            return (prefix, DiagnosticCatalog.ConfigurationBinary(new SourceLocation(prefix, new TextSpan(prefix.Text.Length, 0))));
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
            return (text, DiagnosticCatalog.ConfigurationNotUtf8(new SourceLocation(text, new TextSpan(offset, 1)), bytes[bad]));
        }
    }

    private static int FindInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return Math.Max(0, bytes.Length - 1);
    }
}
