using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using CampaignDsl.Compiler;
using CampaignDsl.Bench.Report;
using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Bench.Measuring;

/// <summary>
/// Where the time of one validate goes, stage by stage, on one thread: read, decode, lex, parse with
/// the SLL fast path, parse with full LL (what a file that fails the fast path costs again), the whole
/// front end (lex, repairs, parse, AST), and the checks. Runs in a fresh process, so the first pass is
/// as cold as campaignc's own and shows how much of it is JIT (<see cref="JitInfo"/>) and first use.
/// The generated lexer and parser are internal to the compiler; they are reached by name, as the
/// compiler's own front end is not split into public stages.
/// </summary>
internal static class StageProfile
{
    private const string LexerType = "CampaignDsl.Compiler.Syntax.Generated.CampaignLexer";
    private const string ParserType = "CampaignDsl.Compiler.Syntax.Generated.CampaignParser";

    private sealed record Stage(string Name, Func<object?, object?> Work);

    public static int Run(string folder, int warmRounds, TextWriter output)
    {
        var paths = Directory.GetFiles(folder, "*.campaign", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var (newLexer, newParser, parseFile) = GeneratedFrontEnd();
        var sllBailouts = 0;

        // Each stage takes the previous stage's output (where it needs one), so the work is real and in order.
        byte[][] bytes = [];
        string[] texts = [];
        IList<IToken>[] tokens = [];
        SyntaxTree[] trees = [];
        Stage[] stages =
        [
            new("read files", _ => bytes = [.. paths.Select(File.ReadAllBytes)]),
            new("decode UTF-8", _ => texts = [.. paths.Zip(bytes, (p, b) => SourceDecoder.Decode(p, b).Source.Text)]),
            new("lex (ANTLR lexer)", _ => tokens = [.. texts.Select(t => newLexer(t).GetAllTokens())]),
            new("parse, SLL fast path", _ =>
            {
                sllBailouts = 0;
                foreach (var fileTokens in tokens)
                {
                    var parser = newParser(fileTokens, PredictionMode.SLL);
                    parser.ErrorHandler = new BailErrorStrategy();
                    try
                    {
                        parseFile(parser);
                    }
                    catch (ParseCanceledException)
                    {
                        sllBailouts++;
                    }
                }

                return null;
            }),
            new("parse, full LL (the fallback)", _ =>
            {
                foreach (var fileTokens in tokens)
                {
                    parseFile(newParser(fileTokens, PredictionMode.LL));
                }

                return null;
            }),
            new("front end: SyntaxTree.Parse", _ => trees = [.. paths.Zip(bytes, (p, b) => SyntaxTree.Load(p, b))]),
            new("checks: Compile(trees)", _ => CampaignCompilation.Compile(trees)),
            new("all: Compile(files), 2 threads", _ => CampaignCompilation.Compile([.. paths.Zip(bytes, (p, b) => (p, b))])),
        ];

        var cold = new List<(double Ms, double JitMs, long Methods)>();
        foreach (var stage in stages)
        {
            var jitBefore = JitInfo.GetCompilationTime();
            var methodsBefore = JitInfo.GetCompiledMethodCount();
            var started = Stopwatch.GetTimestamp();
            stage.Work(null);
            cold.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds,
                JitInfo.GetCompiledMethodCount() - methodsBefore));
        }

        var coldBailouts = sllBailouts;
        var warm = stages.Select(_ => new Samples()).ToArray();
        for (var round = 0; round < warmRounds; round++)
        {
            for (var i = 0; i < stages.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                stages[i].Work(null);
                warm[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stage profile: {paths.Length:N0} file{(paths.Length == 1 ? "" : "s")} in one fresh process, stages in order on one thread (except the last)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"'first' is the process's first pass (cold: JIT, parser tables, DFA cache); 'warm' the median of {warmRounds} more passes."));
        output.WriteLine();
        var table = new TextTable(["stage", "first ms", "of which JIT ms", "methods jitted", "warm ms"]);
        for (var i = 0; i < stages.Length; i++)
        {
            table.Add([stages[i].Name, Ms(cold[i].Ms), Ms(cold[i].JitMs), cold[i].Methods.ToString("N0", CultureInfo.InvariantCulture), Ms(warm[i].Median)]);
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SLL fast path bailed out on {coldBailouts} of {paths.Length} files (those are parsed again with LL)."));
        output.WriteLine("The front end includes lexing and the SLL parse again, plus token repairs and building the AST.");
        return 0;
    }

    private static string Ms(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture);

    private static (Func<string, Lexer> NewLexer, Func<IList<IToken>, PredictionMode, Parser> NewParser, Action<Parser> ParseFile) GeneratedFrontEnd()
    {
        var assembly = typeof(CampaignCompilation).Assembly;
        var lexerType = assembly.GetType(LexerType) ?? throw Missing(LexerType);
        var parserType = assembly.GetType(ParserType) ?? throw Missing(ParserType);
        var lexerConstructor = lexerType.GetConstructor([typeof(ICharStream)]) ?? throw Missing($"{LexerType}(ICharStream)");
        var parserConstructor = parserType.GetConstructor([typeof(ITokenStream)]) ?? throw Missing($"{ParserType}(ITokenStream)");
        var startRule = parserType.GetMethod("campaignFile", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw Missing($"{ParserType}.campaignFile()");

        Lexer NewLexer(string text)
        {
            var lexer = (Lexer)lexerConstructor.Invoke([new AntlrInputStream(text)]);
            lexer.RemoveErrorListeners();
            return lexer;
        }

        Parser NewParser(IList<IToken> fileTokens, PredictionMode mode)
        {
            var parser = (Parser)parserConstructor.Invoke([new CommonTokenStream(new ListTokenSource(fileTokens))]);
            parser.RemoveErrorListeners();
            parser.Interpreter.PredictionMode = mode;
            return parser;
        }

        void ParseFile(Parser parser) => startRule.CreateDelegate<Func<ParserRuleContext>>(parser)();

        return (NewLexer, NewParser, ParseFile);
    }

    private static BenchFailure Missing(string what) =>
        new($"stage profile: the compiler no longer has {what}; update {nameof(StageProfile)} to the generated parser's names");
}
