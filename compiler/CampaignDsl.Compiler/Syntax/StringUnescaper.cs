using System.Text;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>Reads the value of a quoted text token, reporting escapes the language does not know.</summary>
internal static class StringUnescaper
{
    public static string Unescape(string token, int tokenStart, SourceText source, DiagnosticBag diagnostics)
    {
        var end = token.Length > 1 && token[^1] == '"' ? token.Length - 1 : token.Length;
        if (token.IndexOf('\\', StringComparison.Ordinal) < 0)
        {
            return token[1..end];
        }

        var value = new StringBuilder(end);
        for (var i = 1; i < end; i++)
        {
            var c = token[i];
            if (c != '\\' || i + 1 >= end)
            {
                value.Append(c);
                continue;
            }

            var next = token[++i];
            switch (next)
            {
                case '"' or '\\':
                    value.Append(next);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                default:
                    diagnostics.Add(DiagnosticCatalog.BadEscape(
                        new SourceLocation(source, new TextSpan(tokenStart + i - 1, 2)), "\\" + next));
                    value.Append(next);
                    break;
            }
        }

        return value.ToString();
    }
}
