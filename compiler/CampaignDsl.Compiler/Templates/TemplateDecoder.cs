using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>Reads a template's bytes as text with <see cref="TextDecoder"/>, under the template size limit.</summary>
public static class TemplateDecoder
{
    /// <summary>Templates larger than this are refused; Gmail already clips messages over about 100 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static (SourceText Text, TextDecodeProblem? Problem) Decode(string path, ReadOnlySpan<byte> bytes) =>
        TextDecoder.Decode(path, bytes, MaxBytes);
}
