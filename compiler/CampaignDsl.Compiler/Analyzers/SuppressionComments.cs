using System.Collections.Frozen;
using System.Collections.Immutable;
using Antlr4.Runtime;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax.Generated;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>
/// <c>// campaignc-disable-next-line rule-id</c> (or <c># ...</c>) silences lint rules on the line
/// after the comment: the rules named (separated by commas or spaces), or every lint rule when none
/// is named. Only lint diagnostics can be silenced, never compiler errors. Comments are read from
/// the hidden channel of the token stream, so the words inside a quoted text are never taken for one.
/// </summary>
public sealed class SuppressionComments
{
    public const string Directive = "campaignc-disable-next-line";

    private static readonly char[] Separators = [',', ' ', '\t'];

    /// <summary>Per line silenced (one-based), the rule ids silenced there; an empty set silences every rule.</summary>
    private readonly FrozenDictionary<int, ImmutableHashSet<string>> _lines;

    private readonly string? _path;

    private SuppressionComments(string? path, FrozenDictionary<int, ImmutableHashSet<string>> lines, ImmutableArray<Diagnostic> diagnostics)
    {
        _path = path;
        _lines = lines;
        Diagnostics = diagnostics;
    }

    public static SuppressionComments None { get; } = new(null, FrozenDictionary<int, ImmutableHashSet<string>>.Empty, []);

    /// <summary>Rule ids in the comments that are no lint rule: a misspelt suppression would silently do nothing.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static SuppressionComments Read(SourceText source, Func<string, bool> isRule, IEnumerable<string> ruleIds)
    {
        // Most files have none; lexing again is only worth it when the directive appears at all.
        if (!source.Text.Contains(Directive, StringComparison.Ordinal))
        {
            return None;
        }

        var lines = new Dictionary<int, ImmutableHashSet<string>>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var lexer = new CampaignLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        foreach (var token in lexer.GetAllTokens().Where(t => t.Type == CampaignLexer.LINE_COMMENT))
        {
            var text = token.Text.StartsWith('#') ? token.Text[1..] : token.Text[2..];
            var trimmed = text.TrimStart();
            if (!trimmed.StartsWith(Directive, StringComparison.Ordinal)
                || (trimmed.Length > Directive.Length && !char.IsWhiteSpace(trimmed[Directive.Length])))
            {
                continue;
            }

            var listStart = token.StartIndex + (token.Text.Length - text.Length) + (text.Length - trimmed.Length) + Directive.Length;
            var ids = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var (id, start) in Words(source.Text, listStart, token.StopIndex + 1))
            {
                if (id == "--")
                {
                    break; // `-- why` explains the suppression
                }

                if (isRule(id))
                {
                    ids.Add(id);
                }
                else
                {
                    diagnostics.Add(DiagnosticCatalog.SuppressedRuleNotFound(new SourceLocation(source, new TextSpan(start, id.Length)), id,
                        Semantics.NameSuggester.Suggest(id, ruleIds)));
                }
            }

            var line = source.GetPosition(token.StartIndex).Line + 1;
            var all = ids.Count == 0 && !HasWords(source.Text, listStart, token.StopIndex + 1);
            if (all || (lines.TryGetValue(line, out var earlier) && earlier.IsEmpty))
            {
                lines[line] = [];
            }
            else if (ids.Count > 0)
            {
                lines[line] = lines.TryGetValue(line, out var named) ? named.Union(ids) : ids.ToImmutable();
            }
        }

        return new SuppressionComments(source.Path, lines.ToFrozenDictionary(), diagnostics.ToImmutable());
    }

    /// <summary>Whether a comment silences this lint diagnostic.</summary>
    public bool Suppresses(Diagnostic diagnostic) =>
        diagnostic.Location.Path == _path && _lines.TryGetValue(diagnostic.Location.Start.Line, out var ids) && (ids.IsEmpty || ids.Contains(diagnostic.Code));

    private static bool HasWords(string text, int start, int end) => Words(text, start, end).TakeWhile(w => w.Word != "--").Any();

    private static IEnumerable<(string Word, int Start)> Words(string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            while (i < end && Array.IndexOf(Separators, text[i]) >= 0)
            {
                i++;
            }

            var wordStart = i;
            while (i < end && Array.IndexOf(Separators, text[i]) < 0)
            {
                i++;
            }

            if (i > wordStart)
            {
                yield return (text[wordStart..i], wordStart);
            }
        }
    }
}
