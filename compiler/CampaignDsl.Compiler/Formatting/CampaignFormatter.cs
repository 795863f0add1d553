using System.Collections.Immutable;
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax;
using CampaignDsl.Compiler.Syntax.Generated;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>
/// Formats a campaign file in the one canonical style (docs/language.md, "Formatting"): two-space indentation,
/// one item per line, canonical spacing, every comment kept next to the code it was written next to. A file with
/// syntax errors is not formatted. Every result is checked before it is returned: it must parse to the same AST
/// with the same comments, else the formatter reports its own bug instead of a changed file.
/// </summary>
public static class CampaignFormatter
{
    /// <summary>Lines longer than this are broken where the style allows (and/or chains, lists, message options).</summary>
    public const int LineWidth = 100;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Formats a file's bytes, keeping its byte-order mark and line breaks (CRLF stays CRLF).</summary>
    public static FormattedFile FormatFile(string path, ReadOnlySpan<byte> bytes)
    {
        var (source, error) = SourceDecoder.Decode(path, bytes);
        if (error is not null)
        {
            return new FormattedFile(path, null, false, [error], null);
        }

        var result = Format(source);
        if (result.Text is null)
        {
            return new FormattedFile(path, null, false, result.Diagnostics, result.Bug);
        }

        var bom = bytes.StartsWith(ByteOrderMark);
        var formatted = bom ? [.. ByteOrderMark, .. Encoding.UTF8.GetBytes(result.Text)] : Encoding.UTF8.GetBytes(result.Text);
        return new FormattedFile(path, formatted, !bytes.SequenceEqual(formatted), result.Diagnostics, null);
    }

    /// <summary>Formats decoded text; the line breaks are those of its first line break (LF when it has none).</summary>
    public static FormatResult Format(SourceText source)
    {
        var original = SyntaxTree.Parse(source);
        if (original.Root is null || original.Diagnostics.Any(d => d.IsError))
        {
            return new FormatResult(null, [.. original.Diagnostics.Where(d => d.IsError)], null);
        }

        string text;
        try
        {
            text = Layout(source);
        }
        catch (FormatterBugException bug)
        {
            return new FormatResult(null, [], bug.Message);
        }

        var problem = Verify(source, original, text);
        return problem is null ? new FormatResult(text, [], null) : new FormatResult(null, [], problem);
    }

    private static string Layout(SourceText source)
    {
        // The syntax tree has no parse tree to give (its AST drops comments and written forms); parse again, here known to be clean.
        var (tokens, _) = TokenScanner.Scan(source, new DiagnosticBag());
        var parser = new CampaignParser(new CommonTokenStream(new ListTokenSource(tokens))) { ErrorHandler = new BailErrorStrategy() };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        CampaignParser.CampaignFileContext file;
        try
        {
            file = parser.campaignFile();
        }
        catch (Antlr4.Runtime.Misc.ParseCanceledException)
        {
            throw new FormatterBugException("a file without syntax errors failed to parse again");
        }

        var newline = NewlineOf(source.Text);
        var doc = new LayoutBuilder(new TokenEmitter(tokens)).File(file);
        var printed = new LayoutPrinter(LineWidth, newline).Print(doc);
        return printed.TrimEnd('\r', '\n') + newline;
    }

    /// <summary>Why <paramref name="formatted"/> is not a faithful formatting of the source, or null when it is.</summary>
    private static string? Verify(SourceText source, SyntaxTree original, string formatted)
    {
        var reparsed = SyntaxTree.Parse(new SourceText(source.Path, formatted));
        if (reparsed.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            return $"the formatted text does not parse ({error.Code} at line {error.Location.Start.Line}: {error.Message})";
        }

        if (SyntaxEquivalence.FindDifference(original.Root, reparsed.Root) is { } difference)
        {
            return $"the formatted text means something else ({difference})";
        }

        var before = CommentTexts(source.Text);
        var after = CommentTexts(formatted);
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return null;
        }

        var lost = before.Except(after, StringComparer.Ordinal).FirstOrDefault();
        return lost is null ? "the formatted text has comments the source does not have" : $"the formatted text lost the comment `{lost}`";
    }

    /// <summary>The texts of a text's comments, sorted (line comments without the spaces at their end).</summary>
    public static ImmutableArray<string> CommentTexts(string text)
    {
        var (tokens, _) = TokenScanner.Scan(new SourceText("", text), new DiagnosticBag());
        return [.. tokens
            .Where(t => t.Type is CampaignLexer.LINE_COMMENT or CampaignLexer.BLOCK_COMMENT or CampaignLexer.UNTERMINATED_BLOCK_COMMENT)
            .Select(TokenTrivia.Text)
            .Order(StringComparer.Ordinal)];
    }

    private static string NewlineOf(string text)
    {
        var first = text.AsSpan().IndexOfAny('\r', '\n');
        return first < 0 || text[first] == '\n' ? "\n" : first + 1 < text.Length && text[first + 1] == '\n' ? "\r\n" : "\r";
    }
}

/// <summary>
/// The formatted text, or null when the source has syntax errors (<see cref="Diagnostics"/>) or the formatter
/// failed its own check (<see cref="Bug"/>: a bug in campaignc, the file must be left as it is).
/// </summary>
public sealed record FormatResult(string? Text, ImmutableArray<Diagnostic> Diagnostics, string? Bug);

/// <summary>A formatted file's bytes (null when it cannot be formatted), and whether they differ from the file's.</summary>
public sealed record FormattedFile(string Path, byte[]? Bytes, bool Changed, ImmutableArray<Diagnostic> Diagnostics, string? Bug);
