using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax.Generated;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>
/// One parsed file: its text, its AST (null only when the file could not be read as text or nested
/// too deeply to parse) and the diagnostics of reading, lexing and parsing. Never throws for bad input.
/// </summary>
public sealed record SyntaxTree(SourceText Source, CampaignFile? Root, ImmutableArray<Diagnostic> Diagnostics)
{
    public static SyntaxTree Load(string path, ReadOnlySpan<byte> bytes)
    {
        var (source, error) = SourceDecoder.Decode(path, bytes);
        return error is null ? Parse(source) : new SyntaxTree(source, null, [error]);
    }

    public static SyntaxTree Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag();
        var (tokens, tooDeep) = TokenScanner.Scan(source, diagnostics);
        if (tooDeep)
        {
            return new SyntaxTree(source, null, diagnostics.ToImmutable());
        }

        var root = ParseTokens(source, tokens, diagnostics);
        if (root.Items.IsEmpty && !diagnostics.HasErrors)
        {
            diagnostics.Add(DiagnosticCatalog.NoCampaign(new SourceLocation(source, new TextSpan(0, 0))));
        }

        return new SyntaxTree(source, root, diagnostics.ToImmutable());
    }

    /// <summary>
    /// Parses one expression written outside a campaign file, such as <c>Quantity * UnitPrice</c> in a
    /// column mapping; <paramref name="source"/> names where it was written for the diagnostics.
    /// </summary>
    public static (Expression? Expression, ImmutableArray<Diagnostic> Diagnostics) ParseExpression(SourceText source)
    {
        var diagnostics = new DiagnosticBag();
        var (tokens, tooDeep) = TokenScanner.Scan(source, diagnostics);
        if (tooDeep)
        {
            return (null, diagnostics.ToImmutable());
        }

        var stream = new CommonTokenStream(new ListTokenSource(tokens));
        var parser = new CampaignParser(stream) { ErrorHandler = new SyntaxErrorStrategy() };
        parser.RemoveErrorListeners();
        parser.AddErrorListener(new SyntaxErrorListener(source, diagnostics, false));
        var tree = parser.standaloneExpression();
        var expression = new AstBuilder(source, diagnostics).BuildStandalone(tree);
        return (diagnostics.HasErrors ? null : expression, diagnostics.ToImmutable());
    }

    private static CampaignFile ParseTokens(SourceText source, IList<IToken> tokens, DiagnosticBag diagnostics)
    {
        // Fast path first: SLL prediction with bail-out parses correct files quickly; only a file
        // that fails it is parsed again with full LL prediction and error recovery, for precise messages.
        var stream = new CommonTokenStream(new ListTokenSource(tokens));
        var parser = new CampaignParser(stream) { ErrorHandler = new BailErrorStrategy() };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        try
        {
            var tree = parser.campaignFile();
            return new AstBuilder(source, diagnostics).BuildFile(tree);
        }
        catch (Antlr4.Runtime.Misc.ParseCanceledException)
        {
            stream.Seek(0);
            parser.Reset();
            parser.ErrorHandler = new SyntaxErrorStrategy();
            var endsInOpenComment = tokens.Count > 0 && tokens[^1].Type == CampaignLexer.UNTERMINATED_BLOCK_COMMENT;
            parser.AddErrorListener(new SyntaxErrorListener(source, diagnostics, endsInOpenComment));
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            var tree = parser.campaignFile();
            return new AstBuilder(source, diagnostics).BuildFile(tree);
        }
    }
}
