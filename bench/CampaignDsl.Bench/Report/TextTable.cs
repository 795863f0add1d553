namespace CampaignDsl.Bench.Report;

/// <summary>A table of figures: the first column left-aligned, the others right-aligned; as plain text or Markdown.</summary>
internal sealed class TextTable(IReadOnlyList<string> headers)
{
    private readonly List<IReadOnlyList<string>> rows = [];

    public void Add(IReadOnlyList<string> row) => rows.Add(row);

    public void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(output, headers, widths);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    public void WriteMarkdown(TextWriter output)
    {
        output.WriteLine($"| {string.Join(" | ", headers)} |");
        output.WriteLine($"| --- | {string.Join(" | ", headers.Skip(1).Select(_ => "---:"))} |");
        foreach (var row in rows)
        {
            output.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
}
