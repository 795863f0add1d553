using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Finds tabs in the indentation of lines. YAML forbids them, and the parser's own message ("found a
/// tab character that violate indentation") points at the line before; this names every line at fault.
/// </summary>
internal static class TabIndentation
{
    public static bool Report(SourceText source, DiagnosticBag diagnostics)
    {
        var found = false;
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.GetLine(line);
            var indent = 0;
            while (indent < text.Length && text[indent] is ' ' or '\t')
            {
                indent++;
            }

            // A line of only whitespace holds nothing to misread.
            var tab = text.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent && indent < text.Length)
            {
                var start = source.GetOffset(line, tab + 1);
                diagnostics.Add(DiagnosticCatalog.YamlTabIndentation(new SourceLocation(source, new TextSpan(start, 1))));
                found = true;
            }
        }

        return found;
    }
}
