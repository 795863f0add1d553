using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Turns YamlDotNet's marks into source locations. A mark's index counts UTF-16 code units from the
/// start of the text, as <see cref="TextSpan"/> does, so it is used directly.
/// </summary>
internal static class YamlLocation
{
    public static SourceLocation At(SourceText source, Mark start, Mark end)
    {
        var from = Clamp(source, start.Index);
        var to = Clamp(source, end.Index);
        if (to <= from || source.GetPosition(to).Line != source.GetPosition(from).Line)
        {
            // No usable end (or one on a later line): mark one character, or none at the end of the file.
            to = Math.Min(from + 1, LineEnd(source, from));
        }

        return new SourceLocation(source, TextSpan.FromBounds(from, to));
    }

    /// <summary>
    /// Where a node is. Scalars have exact bounds; a block of keys or a list reports no useful end,
    /// so its first character stands for it (callers prefer the key that holds it).
    /// </summary>
    public static SourceLocation At(SourceText source, YamlNode node) =>
        node is YamlScalarNode
            ? At(source, node.Start, node.End)
            : At(source, node.Start, node.Start);

    /// <summary>The <c>---</c> that starts a document, found from the position the parser gives for the document.</summary>
    public static SourceLocation DocumentMarker(SourceText source, Mark documentStart)
    {
        var offset = Clamp(source, documentStart.Index);
        var marker = source.Text.LastIndexOf("---", Math.Max(0, Math.Min(offset + 2, source.Text.Length - 1)), StringComparison.Ordinal);
        return marker >= 0
            ? new SourceLocation(source, new TextSpan(marker, 3))
            : At(source, documentStart, documentStart);
    }

    private static int Clamp(SourceText source, long index) => (int)Math.Clamp(index, 0, source.Text.Length);

    private static int LineEnd(SourceText source, int offset)
    {
        var end = offset;
        while (end < source.Text.Length && source.Text[end] is not ('\r' or '\n'))
        {
            end++;
        }

        return end;
    }
}
