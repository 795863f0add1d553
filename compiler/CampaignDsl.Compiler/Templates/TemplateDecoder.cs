using System.Text;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Turns a template's bytes into text, or says why it cannot: larger than <see cref="MaxBytes"/>,
/// UTF-16, binary (NUL bytes), or not valid UTF-8. A UTF-8 byte-order mark is dropped.
/// </summary>
public static class TemplateDecoder
{
    /// <summary>Templates larger than this are refused; Gmail already clips messages over about 100 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (SourceText Text, TemplateDecodeProblem? Problem) Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return (new SourceText(path, ""), new TemplateDecodeProblem(TemplateDecodeProblemKind.TooLarge, null, null));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new SourceText(path, ""), new TemplateDecodeProblem(TemplateDecodeProblemKind.Utf16, null, null));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOf((byte)0) is var nul and >= 0)
        {
            var prefix = new SourceText(path, Encoding.UTF8.GetString(bytes[..nul]));
            return (prefix, new TemplateDecodeProblem(TemplateDecodeProblemKind.Binary, prefix.Text.Length, null));
        }

        try
        {
            return (new SourceText(path, StrictUtf8.GetString(bytes)), null);
        }
        catch (DecoderFallbackException)
        {
            var bad = FirstInvalidByte(bytes);
            var text = new SourceText(path, Encoding.UTF8.GetString(bytes));
            return (text, new TemplateDecodeProblem(TemplateDecodeProblemKind.InvalidUtf8, Encoding.UTF8.GetString(bytes[..bad]).Length, bytes[bad]));
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
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

/// <summary>Why a template's bytes are not text: with the offset in the decoded text where the trouble starts, and the offending byte.</summary>
public sealed record TemplateDecodeProblem(TemplateDecodeProblemKind Kind, int? Offset, byte? Byte);

public enum TemplateDecodeProblemKind
{
    TooLarge,
    Utf16,
    Binary,
    InvalidUtf8,
}
