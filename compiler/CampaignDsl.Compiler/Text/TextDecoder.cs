using System.Text;

namespace CampaignDsl.Compiler.Text;

/// <summary>
/// Turns a file's bytes into text, or says why it cannot: larger than the limit, UTF-16, binary
/// (NUL bytes), or not valid UTF-8. A UTF-8 byte-order mark is dropped. Campaign files, templates and
/// campaignc.yaml share these rules; each words the problem for its own file.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (SourceText Text, TextDecodeProblem? Problem) Decode(string path, ReadOnlySpan<byte> bytes, long maxBytes)
    {
        if (bytes.Length > maxBytes)
        {
            return (new SourceText(path, ""), new TextDecodeProblem(TextDecodeProblemKind.TooLarge, null, null));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new SourceText(path, ""), new TextDecodeProblem(TextDecodeProblemKind.Utf16, null, null));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOf((byte)0) is var nul and >= 0)
        {
            var prefix = new SourceText(path, Encoding.UTF8.GetString(bytes[..nul]));
            return (prefix, new TextDecodeProblem(TextDecodeProblemKind.Binary, prefix.Text.Length, null));
        }

        try
        {
            return (new SourceText(path, StrictUtf8.GetString(bytes)), null);
        }
        catch (DecoderFallbackException)
        {
            var bad = FirstInvalidByte(bytes);
            var text = new SourceText(path, Encoding.UTF8.GetString(bytes));
            return (text, new TextDecodeProblem(TextDecodeProblemKind.InvalidUtf8, Encoding.UTF8.GetString(bytes[..bad]).Length, bytes[bad]));
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

/// <summary>Why a file's bytes are not text: with the offset in the decoded text where the trouble starts, and the offending byte.</summary>
public sealed record TextDecodeProblem(TextDecodeProblemKind Kind, int? Offset, byte? Byte);

public enum TextDecodeProblemKind
{
    TooLarge,
    Utf16,
    Binary,
    InvalidUtf8,
}
