using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax;
using Xunit.Abstractions;

namespace CampaignDsl.Compiler.Tests.Robustness;

/// <summary>
/// Thousands of broken versions of the example campaigns go through the compiler. Whatever the
/// damage, it must answer with diagnostics: no exception, no hang, every span inside the file,
/// every code from the catalog, and for a "mutation" that changed nothing, the errors the example
/// itself gets when compiled alone (none for most; an example that imports a library or hands
/// contacts on to another example's campaign misses those files here, and is clean in
/// <see cref="ExampleCampaignsTests"/>).
/// The run is seeded; a failure prints the seed, the steps and the input. Set ROBUSTNESS_SEED to
/// replay a run (or to explore with new seeds).
/// </summary>
public sealed class MutationRobustnessTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_251_122;
    // Spread over the examples, however many there are, to keep the run short.
    private const int TotalMutants = 6_000;
    private const int MaxReportedFailures = 5;

    // Generous for a file of a few kilobytes on a busy CI machine; a hang is far beyond it.
    private static readonly TimeSpan PerInputTimeout = TimeSpan.FromSeconds(10);

    // ANTLR's own wording must never reach a user: the error listener rewords every message.
    private static readonly string[] ParserJargon =
        ["<EOF>", "mismatched input", "extraneous input", "no viable alternative", "token recognition error", "missing '", "expecting {"];

    [Fact]
    public void Mutated_examples_always_get_well_formed_diagnostics()
    {
        var seed = Environment.GetEnvironmentVariable("ROBUSTNESS_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : DefaultSeed;
        output.WriteLine($"ROBUSTNESS_SEED={seed}");

        var mutator = new CampaignMutator(File.ReadAllText(RepositoryPaths.InRepo("grammar", "CampaignLexer.g4")));
        Assert.Contains("campaign", mutator.Vocabulary);
        Assert.Contains("..", mutator.Vocabulary);

        var examples = Directory.GetFiles(RepositoryPaths.InRepo("examples"), "*.campaign", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(examples);
        var mutantsPerExample = TotalMutants / examples.Count;
        var unchangedErrors = new Dictionary<string, string>(StringComparer.Ordinal);

        var cases = new List<(string Name, string Original, int Seed)>();
        foreach (var (example, exampleIndex) in examples.Select((e, i) => (e, i)))
        {
            var original = File.ReadAllText(example);
            Assert.True(RoundTrips(original), $"the tokenizer loses text of {example}");
            unchangedErrors[Path.GetFileName(example)] = Errors(CampaignCompilation.Compile([("mutant/" + Path.GetFileName(example), Encoding.UTF8.GetBytes(original))]));
            for (var i = 0; i < mutantsPerExample; i++)
            {
                cases.Add((Path.GetFileName(example), original, unchecked((seed * 7919) + (exampleIndex * mutantsPerExample) + i)));
            }
        }

        var failures = new ConcurrentQueue<string>();
        var codes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var unchangedCount = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(cases, options, (c, state) =>
        {
            var random = new Random(c.Seed);
            var original = Variant(c.Original, random);
            var mutant = mutator.Mutate(original, random);
            var problem = Check(c.Name, mutant, Encoding.UTF8.GetBytes(original), unchangedErrors[c.Name], codes, ref unchangedCount);
            if (problem is not null)
            {
                failures.Enqueue(Describe(c.Name, c.Seed, mutant, problem));
                if (failures.Count >= MaxReportedFailures)
                {
                    state.Stop();
                }
            }
        });

        output.WriteLine($"{cases.Count} mutants of {examples.Count} examples checked, {unchangedCount} unchanged by their mutations");
        output.WriteLine("first diagnostic of each mutant: " + string.Join(", ", codes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}")));
        Assert.True(cases.Count >= 3_000);
        // The mutations must really break things, or the test would prove little: most mutants have errors.
        Assert.True(codes.GetValueOrDefault("none") < cases.Count / 2, $"{codes.GetValueOrDefault("none")} of {cases.Count} mutants are still clean");
        Assert.True(failures.IsEmpty, $"{failures.Count} failing input(s) (run seed {seed}):\n\n" + string.Join("\n\n", failures.Take(MaxReportedFailures)));
    }

    [Fact]
    public void Tokenizer_keeps_every_character()
    {
        foreach (var text in new[] { "", "campaign x \"a\\\"b\" { /* c\n */ a..b >= 5d 10% \"open\n#x\r\n\t@ }", "\"", "/*" })
        {
            Assert.True(RoundTrips(text), text);
        }

        Assert.Equal(["a", "..", "b", " ", ">=", " ", "5d", " ", "\"x\"", " ", "/* y */"], CampaignMutator.Tokenize("a..b >= 5d \"x\" /* y */"));
    }

    /// <summary>Runs one mutant; returns what is wrong with the result, or null.</summary>
    private static string? Check(string name, Mutant mutant, byte[] original, string unchangedErrors, ConcurrentDictionary<string, int> codes, ref int unchangedCount)
    {
        var path = "mutant/" + name;
        var run = Task.Run(() => CampaignCompilation.Compile([(path, mutant.Bytes)]));
        try
        {
            if (!run.Wait(PerInputTimeout))
            {
                return $"no result after {PerInputTimeout.TotalSeconds:0} s (a hang?)";
            }
        }
        catch (AggregateException e)
        {
            return "the compiler threw:\n" + e.InnerException;
        }

        var compilation = run.Result;
        var tree = Assert.Single(compilation.SyntaxTrees);
        var catalog = DiagnosticCatalog.All.ToHashSet();
        codes.AddOrUpdate(compilation.Diagnostics.FirstOrDefault()?.Code ?? "none", 1, (_, n) => n + 1);
        foreach (var d in compilation.Diagnostics)
        {
            if (DiagnosticProblem(d, tree, path, catalog) is { } problem)
            {
                return $"{problem}\n  diagnostic: {d}\n  span: {d.Location.Span}, text length {d.Location.Source.Text.Length}";
            }
        }

        if (mutant.Bytes.AsSpan().SequenceEqual(original))
        {
            Interlocked.Increment(ref unchangedCount);
            if (Errors(compilation) != unchangedErrors)
            {
                return $"the input equals the original, yet its errors differ from the original's ({unchangedErrors}):\n" + string.Join("\n", compilation.Diagnostics);
            }
        }

        return null;
    }

    private static string? DiagnosticProblem(Diagnostic d, SyntaxTree tree, string path, HashSet<DiagnosticDescriptor> catalog)
    {
        if (!catalog.Contains(d.Descriptor) || DiagnosticCatalog.All.Count(x => x.Code == d.Code) != 1)
        {
            return $"code {d.Code} is not in DiagnosticCatalog.All";
        }

        if (d.Location.Path != path || !ReferenceEquals(d.Location.Source, tree.Source))
        {
            return "the diagnostic points into another text than the file's";
        }

        var source = d.Location.Source;
        var span = d.Location.Span;
        if (span.Start < 0 || span.Length < 0 || span.End > source.Text.Length)
        {
            return "the span lies outside the file";
        }

        foreach (var (position, offset) in new[] { (d.Location.Start, span.Start), (d.Location.End, span.End) })
        {
            if (position.Line < 1 || position.Line > source.LineCount)
            {
                return $"line {position.Line} is outside the file's {source.LineCount} lines";
            }

            var lineLength = source.GetLine(position.Line).Length;
            if (position.Column < 1 || position.Column > lineLength + 1)
            {
                return $"column {position.Column} is outside line {position.Line} ({lineLength} characters)";
            }

            if (source.GetOffset(position.Line, position.Column) != offset)
            {
                return $"position {position} does not map back to offset {offset}";
            }
        }

        if (string.IsNullOrWhiteSpace(d.Message) || ParserJargon.Any(j => d.Message.Contains(j, StringComparison.Ordinal)))
        {
            return "the message is empty or in the parser's jargon";
        }

        return null;
    }

    // Now and then the original itself is given with CRLF line endings or a byte-order mark: both valid.
    private static string Variant(string original, Random random) => random.Next(10) switch
    {
        0 => original.ReplaceLineEndings("\r\n"),
        1 => "\uFEFF" + original,
        _ => original,
    };

    /// <summary>The errors' codes and lines, which a byte-order mark or CRLF line endings do not change.</summary>
    private static string Errors(CampaignCompilation compilation) =>
        string.Join(", ", compilation.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}@{d.Location.Start.Line}"));

    private static string Describe(string name, int seed, Mutant mutant, string problem)
    {
        var text = Encoding.UTF8.GetString(mutant.Bytes);
        var shown = text.Length > 6000 ? text[..6000] + "\n[... cut]" : text;
        return $"""
            {name}, case seed {seed}: {problem}
              mutations: {string.Join("; ", mutant.Steps)}
              input ({mutant.Bytes.Length} bytes, {(text.Contains('\uFFFD', StringComparison.Ordinal) ? "with invalid UTF-8 shown as U+FFFD" : "UTF-8")}):
            ---
            {shown}
            ---
            """;
    }

    private static bool RoundTrips(string text) => string.Concat(CampaignMutator.Tokenize(text)) == text;
}
