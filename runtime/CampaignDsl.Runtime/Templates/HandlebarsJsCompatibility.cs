using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// Rewrites a template so that Handlebars.Net renders it as handlebars.js 4.x does where the two
/// differ in whitespace. handlebars.js keeps the indentation of a standalone closing tag (<c>{{/if}}</c>
/// alone on its line) when its block has a chained inverse (<c>{{else if ...}}</c>): the spaces end
/// up in the chain's last branch, while the line's newline is removed as for any standalone tag.
/// Handlebars.Net strips both. The rewrite writes the indentation through a helper on a line of its own:
/// <c>"    {{/if}}\n"</c> becomes <c>"{{__hbsjs_text "    "~}}\n{{/if}}\n"</c>; the helper's <c>~</c> eats its
/// newline, and the close, now without indentation, is still standalone for Handlebars.Net.
/// Templates with raw blocks (<c>{{{{raw}}}}</c>) are left as they are.
/// </summary>
public static partial class HandlebarsJsCompatibility
{
    /// <summary>The helper that writes its string argument as is.</summary>
    public const string TextHelper = "__hbsjs_text";

    public static string Rewrite(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Contains("{{{{", StringComparison.Ordinal))
        {
            return template;
        }

        var frames = new Stack<bool>();
        var edits = new List<(int Start, int End, string Indent)>();
        foreach (Match tag in Tag().Matches(template))
        {
            var body = tag.Groups["body"].Value.TrimStart('~').TrimStart();
            if (body.StartsWith('!'))
            {
                continue;
            }

            if ((body.StartsWith('#') || body.StartsWith('^')) && body.Length > 1 && !char.IsWhiteSpace(body[1]) && body[1] != '~')
            {
                frames.Push(false);
            }
            else if (ChainedElse().IsMatch(body))
            {
                if (frames.Count > 0)
                {
                    frames.Push(frames.Pop() | true);
                }
            }
            else if (body.StartsWith('/'))
            {
                var chained = frames.Count > 0 && frames.Pop();
                if (chained && !tag.Value.Contains('~', StringComparison.Ordinal) && Standalone(template, tag) is { } line)
                {
                    edits.Add((line.Start, line.End, template[line.Start..tag.Index]));
                }
            }
        }

        if (edits.Count == 0)
        {
            return template;
        }

        var output = new StringBuilder(template.Length + (edits.Count * 32));
        var at = 0;
        foreach (var (start, end, indent) in edits)
        {
            output.Append(template, at, start - at);
            if (indent.Length > 0)
            {
                // The helper's `~` eats the newline it stands before, so the close is standalone on its own line again.
                output.Append("{{").Append(TextHelper).Append(" \"").Append(indent).Append("\"~}}\n");
            }

            output.Append(template, start + indent.Length, end - start - indent.Length);
            at = end;
        }

        output.Append(template, at, template.Length - at);
        return output.ToString();
    }

    /// <summary>When <paramref name="tag"/> is alone on its line (spaces and tabs around it): where the line starts and where its newline ends.</summary>
    private static (int Start, int End)? Standalone(string template, Match tag)
    {
        var start = tag.Index;
        while (start > 0 && template[start - 1] is ' ' or '\t')
        {
            start--;
        }

        if (start > 0 && template[start - 1] != '\n')
        {
            return null;
        }

        var end = tag.Index + tag.Length;
        while (end < template.Length && template[end] is ' ' or '\t')
        {
            end++;
        }

        if (end == template.Length)
        {
            return (start, end);
        }

        if (template[end] == '\n')
        {
            return (start, end + 1);
        }

        return template[end] == '\r' && end + 1 < template.Length && template[end + 1] == '\n' ? (start, end + 2) : null;
    }

    [GeneratedRegex(@"\{\{(?<body>!--[\s\S]*?--~?|[^{}]*?)\}\}")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^else\s+\S")]
    private static partial Regex ChainedElse();
}
