using System.Text;
using CampaignDsl.Compiler.Formatting;
using CampaignDsl.Compiler.Syntax;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Tests.Formatting;

/// <summary>
/// What formatting promises, checked on every campaign file in the repository: a file with syntax errors is left
/// alone; any other comes out parsing to the same AST (spans aside), with the same comments, idempotent, with its
/// line breaks and byte-order mark, ending in exactly one line break.
/// </summary>
public sealed class FormattingPropertyTests
{
    public static TheoryData<string> Files => FormattingCorpus.Names;

    [Theory]
    [MemberData(nameof(Files))]
    public void Formatting_keeps_meaning_and_comments_and_is_idempotent(string name)
    {
        var bytes = FormattingCorpus.Read(name);
        var (source, decodeError) = SourceDecoder.Decode(name, bytes);
        var original = decodeError is null ? SyntaxTree.Parse(source) : null;
        var result = CampaignFormatter.FormatFile(name, bytes);
        Assert.True(result.Bug is null, $"{name}: {result.Bug}");

        if (original is null || original.Diagnostics.Any(d => d.IsError))
        {
            Assert.Null(result.Bytes);
            Assert.Contains(result.Diagnostics, d => d.IsError);
            return;
        }

        Assert.NotNull(result.Bytes);
        var bom = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]);
        Assert.Equal(bom, result.Bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]));
        var text = Encoding.UTF8.GetString(result.Bytes.AsSpan(bom ? 3 : 0));

        var formatted = SyntaxTree.Parse(new SourceText(name, text));
        Assert.DoesNotContain(formatted.Diagnostics, d => d.IsError);
        Assert.Null(SyntaxEquivalence.FindDifference(original.Root, formatted.Root));
        var commentsBefore = CampaignFormatter.CommentTexts(source.Text);
        var commentsAfter = CampaignFormatter.CommentTexts(text);
        Assert.True(commentsBefore.SequenceEqual(commentsAfter, StringComparer.Ordinal),
            $"{name}: comments differ:\n{string.Join('\n', commentsBefore)}\n---\n{string.Join('\n', commentsAfter)}");

        var again = CampaignFormatter.FormatFile(name, result.Bytes);
        Assert.True(again.Bytes is not null && !again.Changed, $"{name}: formatting twice changes the text again:\n{LineDiffOf(result.Bytes, again.Bytes)}");

        var crlf = source.Text.IndexOfAny(['\r', '\n']) is var first and >= 0 && source.Text.AsSpan(first).StartsWith("\r\n");
        Assert.Equal(crlf, text.Contains("\r\n", StringComparison.Ordinal));
        if (crlf)
        {
            Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        }

        var newline = crlf ? "\r\n" : "\n";
        Assert.EndsWith(newline, text, StringComparison.Ordinal);
        Assert.False(text.EndsWith(newline + newline, StringComparison.Ordinal), $"{name}: more than one line break at the end");
        Assert.DoesNotContain(text.Split(newline), line => line.EndsWith(' ') || line.StartsWith('\t'));
    }

    private static string LineDiffOf(byte[] first, byte[]? second) =>
        Infrastructure.LineDiff.Format(Encoding.UTF8.GetString(first), second is null ? "" : Encoding.UTF8.GetString(second));
}
