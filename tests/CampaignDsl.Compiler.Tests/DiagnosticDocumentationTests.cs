using System.Reflection;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Tests;

/// <summary>Every diagnostic code is defined once, listed in the catalog, and documented in docs/diagnostics.md.</summary>
public sealed partial class DiagnosticDocumentationTests
{
    [Fact]
    public void Every_code_is_documented()
    {
        var path = RepositoryPaths.InRepo("docs", "diagnostics.md");
        Assert.True(File.Exists(path), $"{path} is missing; it documents every diagnostic code");

        var documented = DocumentedCodes(File.ReadAllLines(path));

        var missing = DiagnosticCatalog.All.Select(d => d.Code).Where(code => !documented.Contains(code)).ToList();
        Assert.True(missing.Count == 0,
            $"docs/diagnostics.md has no heading or table row for {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_lint_rule_is_documented_with_a_table_row_and_a_section()
    {
        var lines = File.ReadAllLines(RepositoryPaths.InRepo("docs", "diagnostics.md")).Select(l => l.TrimStart()).ToList();

        var missing = Analyzers.LintRules.All
            .Where(rule => !lines.Any(l => l.StartsWith($"| [{rule.Id}]", StringComparison.Ordinal))
                || !lines.Contains($"### {rule.Id}: {rule.Title}"))
            .Select(rule => rule.Id)
            .ToList();
        Assert.True(missing.Count == 0,
            $"docs/diagnostics.md needs a row `| [rule-id](#...) | level | ... |` in the lint table and a section `### rule-id: Title` for {string.Join(", ", missing)}");

        var documented = lines.Select(l => LintHeadingPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var stale = documented.Where(id => Analyzers.LintRules.Find(id) is null).ToList();
        Assert.True(stale.Count == 0, $"docs/diagnostics.md documents lint rules that do not exist: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_code_in_the_compiler_source_is_in_the_catalog_once()
    {
        var compiler = RepositoryPaths.InRepo("compiler", "CampaignDsl.Compiler");
        var literals = Directory.EnumerateFiles(compiler, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsGeneratedOrBuildOutput(Path.GetRelativePath(compiler, file)))
            .SelectMany(file => CodeLiteralPattern().Matches(File.ReadAllText(file))
                .Select(m => (Code: m.Groups[1].Value, File: Path.GetRelativePath(compiler, file))))
            .ToList();
        var catalog = DiagnosticCatalog.All.Select(d => d.Code).ToList();

        Assert.NotEmpty(literals);
        var unknown = literals.Where(l => !catalog.Contains(l.Code)).Select(l => $"{l.Code} in {l.File}").ToList();
        Assert.True(unknown.Count == 0, $"codes in the compiler source but not in DiagnosticCatalog.All: {string.Join(", ", unknown)}");

        var repeated = literals.GroupBy(l => l.Code).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(l => l.File))})").ToList();
        Assert.True(repeated.Count == 0, $"codes written more than once in the compiler source: {string.Join("; ", repeated)}");

        var listedTwice = catalog.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(listedTwice.Count == 0, $"DiagnosticCatalog.All lists {string.Join(", ", listedTwice)} more than once");
    }

    [Fact]
    public void Every_descriptor_is_listed_in_All()
    {
        var declared = typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        var unlisted = declared.Where(d => !DiagnosticCatalog.All.Contains(d)).Select(d => d.Code).ToList();
        Assert.True(unlisted.Count == 0, $"DiagnosticCatalog declares {string.Join(", ", unlisted)} but does not list it in All");
        Assert.Equal(declared.Count, DiagnosticCatalog.All.Length);
    }

    /// <summary>Codes in a heading or a table row; a code mentioned in passing or in a code block does not count.</summary>
    private static HashSet<string> DocumentedCodes(IEnumerable<string> markdown)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var inCodeBlock = false;
        foreach (var line in markdown.Select(l => l.TrimStart()))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCodeBlock = !inCodeBlock;
            }
            else if (!inCodeBlock && (line.StartsWith('#') || line.StartsWith('|')))
            {
                codes.UnionWith(CodePattern().Matches(line).Select(m => m.Value));
            }
        }

        return codes;
    }

    private static bool IsGeneratedOrBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(folder => folder is "bin" or "obj" or "Generated");

    [GeneratedRegex("^### ([a-z]+(?:-[a-z]+)+): ")]
    private static partial Regex LintHeadingPattern();

    [GeneratedRegex(@"\bCDSL\d{4}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex("\"(CDSL\\d{4})\"")]
    private static partial Regex CodeLiteralPattern();
}
