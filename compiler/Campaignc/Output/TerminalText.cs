using System.Globalization;
using System.Text;

namespace Campaignc.Output;

/// <summary>
/// Text from contact data or the run state made safe to print: control characters (an escape sequence can retitle a
/// terminal, hide lines or move the cursor) and the Unicode controls that reorder text on screen are shown as
/// <c>\u001B</c>-style escapes instead of acting. Line breaks and tabs stay where the message has them.
/// </summary>
public static class TerminalText
{
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(Acts))
        {
            return text ?? "";
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            shown.Append(Acts(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return shown.ToString();
    }

    private static bool Acts(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t')
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
