using System.Text;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>
/// Prints a <see cref="LayoutDoc"/>: a group is laid out flat when it fits in what is left of the
/// line (up to the next place the line must break), otherwise each of its soft lines becomes a line
/// break. Indentation is written only in front of text, so no line ends in spaces and blank lines are empty.
/// </summary>
internal sealed class LayoutPrinter(int width, string newline)
{
    private enum Mode
    {
        Flat,
        Break,
    }

    private readonly record struct Command(int Indent, Mode Mode, LayoutDoc Doc);

    private readonly StringBuilder _output = new();
    private readonly List<string> _lineSuffixes = [];
    private int _column;
    private int _pendingIndent;
    private int _lineIndent;
    private bool _lineHasText;
    private int _newlinesAtEnd;

    public string Print(LayoutDoc doc)
    {
        var stack = new List<Command> { new(0, Mode.Break, doc) };
        while (stack.Count > 0)
        {
            var (indent, mode, current) = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            switch (current)
            {
                case TextDoc text:
                    Write(text.Value);
                    break;
                case ConcatDoc concat:
                    for (var i = concat.Parts.Length - 1; i >= 0; i--)
                    {
                        stack.Add(new Command(indent, mode, concat.Parts[i]));
                    }

                    break;
                case NestDoc nest:
                    stack.Add(new Command(indent + nest.Indent, mode, nest.Content));
                    break;
                case GroupDoc group:
                    var flat = mode == Mode.Flat || (!group.ForcesBreak && Fits(width - _column, group.Content, stack));
                    stack.Add(new Command(indent, flat ? Mode.Flat : Mode.Break, group.Content));
                    break;
                case LineDoc line:
                    PrintLine(line.Kind, indent, mode);
                    break;
                case LineSuffixDoc suffix:
                    _lineSuffixes.Add(suffix.Value);
                    break;
            }
        }

        FlushLineSuffixes();
        TrimTrailingSpaces();
        return _output.ToString();
    }

    private void PrintLine(LineKind kind, int indent, Mode mode)
    {
        switch (kind)
        {
            case LineKind.Soft when mode == Mode.Flat:
                Write(" ");
                break;
            case LineKind.SoftEmpty when mode == Mode.Flat:
                break;
            case LineKind.Blank:
                NewLine(indent, 2);
                break;
            case LineKind.IfNotAtLineStart:
                if (_lineHasText)
                {
                    NewLine(indent, 1);
                }

                break;
            case LineKind.SameIndent:
                NewLine(_lineIndent, 1);
                break;
            case LineKind.SameIndentBlank:
                NewLine(_lineIndent, 2);
                break;
            default:
                NewLine(indent, 1);
                break;
        }
    }

    private void Write(string text)
    {
        if (!_lineHasText)
        {
            if (text == " ")
            {
                return; // a space between tokens that a line break separates instead
            }

            _output.Append(' ', _pendingIndent);
            _lineHasText = true;
        }

        _output.Append(text);
        _newlinesAtEnd = 0;
        var lastBreak = text.LastIndexOfAny(['\n', '\r']);
        _column = lastBreak < 0 ? _column + text.Length : text.Length - lastBreak - 1;
    }

    /// <summary>Ends the line (once: breaks asked for in a row collapse), leaving <paramref name="lines"/> line breaks at the end.</summary>
    private void NewLine(int indent, int lines)
    {
        FlushLineSuffixes();
        TrimTrailingSpaces();
        if (_output.Length > 0)
        {
            while (_newlinesAtEnd < lines)
            {
                _output.Append(newline);
                _newlinesAtEnd++;
            }
        }

        _lineHasText = false;
        _pendingIndent = indent;
        _lineIndent = indent;
        _column = indent;
    }

    private void FlushLineSuffixes()
    {
        foreach (var suffix in _lineSuffixes)
        {
            Write(suffix);
        }

        _lineSuffixes.Clear();
    }

    private void TrimTrailingSpaces()
    {
        var end = _output.Length;
        while (end > 0 && _output[end - 1] == ' ')
        {
            end--;
        }

        _output.Length = end;
    }

    /// <summary>Whether <paramref name="doc"/> laid out flat, and what follows it up to the next line break, fit in <paramref name="remaining"/> columns.</summary>
    private static bool Fits(int remaining, LayoutDoc doc, List<Command> rest)
    {
        var work = new Stack<(Mode Mode, LayoutDoc Doc)>();
        work.Push((Mode.Flat, doc));
        var restIndex = rest.Count - 1;
        while (remaining >= 0)
        {
            if (work.Count == 0)
            {
                if (restIndex < 0)
                {
                    return true;
                }

                var next = rest[restIndex--];
                work.Push((next.Mode, next.Doc));
            }

            var (mode, current) = work.Pop();
            switch (current)
            {
                case TextDoc text:
                    var lineEnd = text.Value.IndexOfAny(['\n', '\r']);
                    remaining -= lineEnd < 0 ? text.Value.Length : lineEnd;
                    if (lineEnd >= 0)
                    {
                        return remaining >= 0;
                    }

                    break;
                case ConcatDoc concat:
                    for (var i = concat.Parts.Length - 1; i >= 0; i--)
                    {
                        work.Push((mode, concat.Parts[i]));
                    }

                    break;
                case NestDoc nest:
                    work.Push((mode, nest.Content));
                    break;
                case GroupDoc group:
                    work.Push((mode == Mode.Break && group.ForcesBreak ? Mode.Break : Mode.Flat, group.Content));
                    break;
                case LineDoc line:
                    if (mode == Mode.Break || line.Kind is not (LineKind.Soft or LineKind.SoftEmpty))
                    {
                        return true;
                    }

                    remaining -= line.Kind == LineKind.Soft ? 1 : 0;
                    break;
            }
        }

        return false;
    }
}
