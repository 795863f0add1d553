using Antlr4.Runtime;
using CampaignDsl.Compiler.Syntax.Generated;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>
/// Turns tokens into layout with their comments. Tokens must be taken in source order, each exactly
/// once (printed, or skipped where the canonical form drops it); a token out of order is a formatter
/// bug and stops the formatting, so a comment can never be lost or printed twice.
/// </summary>
internal sealed class TokenEmitter(IList<IToken> tokens)
{
    /// <summary>How far a line broken inside a construct (by a comment) is indented beyond the construct.</summary>
    public const int ContinuationIndent = 4;

    private readonly Dictionary<int, TokenTrivia> _trivia = TokenTrivia.Collect(tokens);
    private readonly HashSet<int> _statementEnds = [];
    private int _expected = NextDefault(tokens, -1);

    public TokenTrivia TriviaOf(IToken token) => _trivia.GetValueOrDefault(token.TokenIndex, TokenTrivia.None);

    /// <summary>
    /// The token ends a construct that stands on its own line: a line comment after it stays at the end of that line
    /// without breaking the construct's groups (a line comment anywhere else makes them break).
    /// </summary>
    public void MarkStatementEnd(IToken token) => _statementEnds.Add(token.TokenIndex);

    /// <summary>The token as <paramref name="text"/> (its own text by default), with its comments.</summary>
    public LayoutDoc Token(IToken token, string? text = null)
    {
        Take(token);
        var trivia = TriviaOf(token);
        return LayoutDoc.Concat(Leading(trivia), LayoutDoc.Text(text ?? token.Text), Trailing(token, trivia));
    }

    /// <summary>Drops a token the canonical form leaves out, keeping its comments.</summary>
    public LayoutDoc Skip(IToken token)
    {
        Take(token);
        var trivia = TriviaOf(token);
        return LayoutDoc.Concat(Leading(trivia), Trailing(token, trivia));
    }

    /// <summary>
    /// A closing brace or the end of the file: the comments before it are printed as lines of the body it closes
    /// (at the body's indentation, inside <paramref name="bodyIndent"/>), then the token on a line of its own.
    /// </summary>
    public (LayoutDoc Comments, LayoutDoc Token) Closing(IToken token, bool afterItems, int bodyIndent)
    {
        Take(token);
        var trivia = TriviaOf(token);
        var comments = new List<LayoutDoc>();
        for (var i = 0; i < trivia.Leading.Length; i++)
        {
            var comment = trivia.Leading[i];
            var blank = comment.NewlinesBefore >= 2 && (i > 0 || afterItems);
            comments.Add(blank ? LayoutDoc.BlankLine : LayoutDoc.HardLine);
            comments.Add(LayoutDoc.Text(comment.Text));
        }

        var text = token.Type == TokenConstants.EOF ? LayoutDoc.Empty : LayoutDoc.Text(token.Text);
        return (LayoutDoc.Nest(bodyIndent, LayoutDoc.Concat(comments)), LayoutDoc.Concat(text, Trailing(token, trivia)));
    }

    public bool HasComments(IToken token) => TriviaOf(token) is { Leading.IsEmpty: false } or { Trailing.IsEmpty: false };

    /// <summary>Checks that every token was taken.</summary>
    public void Finish()
    {
        if (_expected <= tokens.Count)
        {
            throw new FormatterBugException($"the token at {_expected} was never printed");
        }
    }

    private void Take(IToken token)
    {
        var index = token.Type == TokenConstants.EOF ? tokens.Count : token.TokenIndex;
        if (index != _expected)
        {
            throw new FormatterBugException($"token {index} (`{token.Text}`) taken where token {_expected} was expected");
        }

        _expected = index == tokens.Count ? tokens.Count + 1 : NextDefault(tokens, index);
    }

    private static int NextDefault(IList<IToken> tokens, int after)
    {
        var i = after + 1;
        while (i < tokens.Count && tokens[i].Channel != TokenConstants.DefaultChannel)
        {
            i++;
        }

        return i;
    }

    private static LayoutDoc Leading(TokenTrivia trivia)
    {
        if (trivia.Leading.IsEmpty)
        {
            return LayoutDoc.Empty;
        }

        // A comment on its own line stays on its own line: in the middle of a construct, indented as a continuation.
        var parts = new List<LayoutDoc> { LayoutDoc.Nest(ContinuationIndent, LayoutDoc.LineStart) };
        for (var i = 0; i < trivia.Leading.Length; i++)
        {
            var comment = trivia.Leading[i];
            if (i > 0)
            {
                parts.Add(Between(comment.NewlinesBefore));
            }

            parts.Add(LayoutDoc.Text(comment.Text));
        }

        parts.Add(trivia.Leading[^1].IsLineComment ? Between(Math.Max(1, trivia.NewlinesBefore)) : Between(trivia.NewlinesBefore));
        return LayoutDoc.Concat(parts);
    }

    private static LayoutDoc Between(int newlines) => newlines switch
    {
        0 => LayoutDoc.Space,
        1 => LayoutDoc.SameIndentLine,
        _ => LayoutDoc.BlankLineSameIndent,
    };

    private LayoutDoc Trailing(IToken token, TokenTrivia trivia)
    {
        if (trivia.Trailing.IsEmpty)
        {
            return LayoutDoc.Empty;
        }

        var parts = new List<LayoutDoc>();
        var opener = token.Type is CampaignLexer.LPAREN or CampaignLexer.LBRACK;
        foreach (var comment in trivia.Trailing)
        {
            if (comment.IsLineComment && _statementEnds.Contains(token.TokenIndex))
            {
                // At the end of a construct the line ends here anyway; held until then, it does not break the construct's groups.
                parts.Add(new LineSuffixDoc(" " + comment.Text));
            }
            else if (comment.IsLineComment)
            {
                // In the middle of a construct the comment stays right after its token and the construct goes on on the next line.
                parts.Add(LayoutDoc.Text(" " + comment.Text));
                parts.Add(LayoutDoc.Nest(ContinuationIndent, LayoutDoc.HardLine));
            }
            else
            {
                parts.Add(LayoutDoc.Text(opener ? comment.Text + " " : " " + comment.Text));
            }
        }

        return LayoutDoc.Concat(parts);
    }
}

/// <summary>The formatter broke its own rules (a token out of order or never printed): a bug, reported, never a changed file.</summary>
internal sealed class FormatterBugException(string message) : Exception(message);
