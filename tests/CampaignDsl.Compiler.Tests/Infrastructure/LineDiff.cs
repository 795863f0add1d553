using System.Text;

namespace CampaignDsl.Compiler.Tests.Infrastructure;

/// <summary>
/// A line diff from the longest common subsequence, printed like a unified diff: changed lines
/// with two lines of context, <c>-</c> for expected, <c>+</c> for actual.
/// </summary>
internal static class LineDiff
{
    private const int Context = 2;

    public static string Format(string expected, string actual)
    {
        var edits = Compute(expected.Split('\n'), actual.Split('\n'));
        var output = new StringBuilder("--- expected\n+++ actual\n");
        var lastPrinted = -1;
        for (var i = 0; i < edits.Count; i++)
        {
            if (!IsNearChange(edits, i))
            {
                continue;
            }

            if (i != lastPrinted + 1)
            {
                output.Append("@@ expected line ").Append(edits[i].ExpectedLine).Append(" @@\n");
            }

            output.Append(edits[i].Kind).Append(' ').Append(edits[i].Text).Append('\n');
            lastPrinted = i;
        }

        return output.ToString();
    }

    private static bool IsNearChange(List<Edit> edits, int index)
    {
        for (var i = Math.Max(0, index - Context); i <= Math.Min(edits.Count - 1, index + Context); i++)
        {
            if (edits[i].Kind != ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static List<Edit> Compute(string[] a, string[] b)
    {
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], ++x));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x], ++x));
            }
            else
            {
                edits.Add(new Edit('+', b[y++], x + 1));
            }
        }

        return edits;
    }

    private readonly record struct Edit(char Kind, string Text, int ExpectedLine);
}
