using System.Collections.Immutable;
using Antlr4.Runtime;
using CampaignDsl.Compiler.Syntax.Generated;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>A comment as written, and how many line breaks stood between it and what came before it.</summary>
internal sealed record Comment(string Text, bool IsLineComment, int NewlinesBefore);

/// <summary>
/// The comments around one token of the default channel. <see cref="Leading"/> stand on lines before it (after the
/// line of the previous token); <see cref="Trailing"/> follow it on its own line. Every comment of a file belongs to
/// exactly one token (the end of the file counts as one), so a formatter that prints every token with its trivia
/// keeps every comment, next to the code it was written next to.
/// </summary>
internal sealed record TokenTrivia(ImmutableArray<Comment> Leading, ImmutableArray<Comment> Trailing, int NewlinesBefore)
{
    public static readonly TokenTrivia None = new([], [], 0);

    /// <summary>Whether a blank line stood before the token or before its first leading comment.</summary>
    public bool BlankLineBefore => (Leading.IsEmpty ? NewlinesBefore : Leading[0].NewlinesBefore) >= 2;

    /// <summary>
    /// The trivia of every default-channel token by its index in <paramref name="tokens"/>, and of the end of the file
    /// at index <c>tokens.Count</c>.
    /// </summary>
    public static Dictionary<int, TokenTrivia> Collect(IList<IToken> tokens)
    {
        var result = new Dictionary<int, TokenTrivia>();
        var previous = -1;
        var leading = ImmutableArray.CreateBuilder<Comment>();
        var trailing = ImmutableArray.CreateBuilder<Comment>();
        var newlines = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var token = i < tokens.Count ? tokens[i] : null;
            if (token is null || token.Channel == TokenConstants.DefaultChannel)
            {
                if (previous >= 0 && trailing.Count > 0)
                {
                    result[previous] = result[previous] with { Trailing = trailing.ToImmutable() };
                }

                result[i] = new TokenTrivia(leading.ToImmutable(), [], newlines);
                leading.Clear();
                trailing.Clear();
                newlines = 0;
                previous = i;
                continue;
            }

            switch (token.Type)
            {
                case CampaignLexer.NEWLINE:
                    newlines++;
                    break;
                case CampaignLexer.LINE_COMMENT or CampaignLexer.BLOCK_COMMENT or CampaignLexer.UNTERMINATED_BLOCK_COMMENT:
                    var comment = new Comment(Text(token), token.Type == CampaignLexer.LINE_COMMENT, newlines);
                    // On the line of the previous token, before any line break: it trails that token.
                    var onPreviousLine = previous >= 0 && leading.Count == 0 && newlines == 0;
                    (onPreviousLine ? trailing : leading).Add(comment);
                    newlines = 0;
                    break;
            }
        }

        return result;
    }

    /// <summary>A comment's text; a line comment loses the spaces at its end (the formatter never leaves trailing spaces).</summary>
    public static string Text(IToken comment) =>
        comment.Type == CampaignLexer.LINE_COMMENT ? comment.Text.TrimEnd(' ', '\t', '\f', '\u00A0', '\uFEFF') : comment.Text;
}
