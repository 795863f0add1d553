using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Text;

/// <summary>The decoded text of one campaign file with its line map.</summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path as the user gave it (relative paths stay relative, for readable output).</summary>
    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = FindLine(offset);
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    public int GetOffset(int line, int column)
    {
        var index = Math.Clamp(line - 1, 0, _lineStarts.Length - 1);
        return Math.Min(Text.Length, _lineStarts[index] + Math.Max(0, column - 1));
    }

    /// <summary>The text of a one-based line without its line break.</summary>
    public string GetLine(int line)
    {
        var index = Math.Clamp(line - 1, 0, _lineStarts.Length - 1);
        var start = _lineStarts[index];
        var end = index + 1 < _lineStarts.Length ? _lineStarts[index + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    private int FindLine(int offset)
    {
        var found = _lineStarts.BinarySearch(offset);
        return found >= 0 ? found : ~found - 1;
    }

    private static ImmutableArray<int> ComputeLineStarts(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToImmutable();
    }
}
