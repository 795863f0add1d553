using System.Text;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Tests.Infrastructure;

namespace CampaignDsl.Compiler.Tests;

/// <summary>
/// Every <c>```campaign</c> block in docs/language.md compiles without errors, so the reference
/// never teaches something the compiler rejects. A block fenced <c>```campaign invalid</c> shows a
/// mistake on purpose and must get at least one error. Each block is compiled as if it were a file
/// in <c>examples/</c>: with the examples' campaignc.yaml, able to import
/// <c>../shared/library.campaign</c> and to hand contacts on to the example campaigns (those it
/// does not declare itself). Template files are not read: the doc's templates are not on disk.
/// </summary>
public sealed partial class DocumentationExamplesTests
{
    /// <summary>The info string that marks a block as a deliberate mistake.</summary>
    public const string InvalidMarker = "invalid";

    private static readonly string DocumentPath = RepositoryPaths.InRepo("docs", "language.md");

    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        foreach (var block in ReadBlocks())
        {
            data.Add(block.Line);
        }

        return data;
    }

    [Fact]
    public void The_reference_has_campaign_blocks_of_both_kinds()
    {
        var blocks = ReadBlocks();
        Assert.True(blocks.Count(b => !b.Invalid) >= 20, $"docs/language.md has {blocks.Count(b => !b.Invalid)} valid ```campaign blocks; the discovery is probably broken");
        Assert.Contains(blocks, b => b.Invalid);
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_compiles_as_marked(int line)
    {
        var block = ReadBlocks().Single(b => b.Line == line);
        var path = Path.Combine(ExampleProject.Folder, "language-md", $"line-{line}.campaign");
        var declared = CampaignNames(block.Text).ToHashSet(StringComparer.Ordinal);
        var others = ExampleProject.ReadFiles()
            .Where(file => !CampaignNames(Encoding.UTF8.GetString(file.Content)).Any(declared.Contains));

        var compilation = CampaignCompilation.Compile([(path, Encoding.UTF8.GetBytes(block.Text)), .. others], ExampleProject.Options(readTemplates: false));

        var errors = compilation.Diagnostics.Where(d => d.IsError && d.Location.Path == path).ToList();
        if (block.Invalid)
        {
            Assert.True(errors.Count > 0, $"the block at docs/language.md:{line} is marked `{InvalidMarker}` but compiles without errors");
        }
        else
        {
            Assert.True(errors.Count == 0,
                $"the block at docs/language.md:{line} should compile without errors:\n" + string.Join("\n", errors.Select(e => Shifted(e, line))));
        }
    }

    /// <summary>A diagnostic with its line counted in docs/language.md rather than in the block.</summary>
    private static string Shifted(Diagnostics.Diagnostic diagnostic, int fenceLine) =>
        $"docs/language.md({fenceLine + diagnostic.Location.Start.Line},{diagnostic.Location.Start.Column}): {diagnostic.Code}: {diagnostic.Message}";

    private static IEnumerable<string> CampaignNames(string text) =>
        CampaignDeclaration().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The fenced <c>campaign</c> blocks of the document, each with the line of its opening fence (1-based).</summary>
    private static List<DocumentBlock> ReadBlocks()
    {
        var lines = File.ReadAllLines(DocumentPath);
        var blocks = new List<DocumentBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var info = fence.Groups[2].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = i;
            var body = new StringBuilder();
            for (i++; i < lines.Length && lines[i].TrimEnd() != fence.Groups[1].Value; i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            Assert.True(i < lines.Length, $"the ```campaign block at docs/language.md:{start + 1} is never closed");
            if (info.Length > 0 && info[0] == "campaign")
            {
                Assert.True(info.Length == 1 || (info.Length == 2 && info[1] == InvalidMarker),
                    $"docs/language.md:{start + 1}: a campaign block is marked `campaign` or `campaign {InvalidMarker}`, not `{string.Join(' ', info)}`");
                blocks.Add(new DocumentBlock(start + 1, body.ToString(), info.Length == 2));
            }
        }

        return blocks;
    }

    private sealed record DocumentBlock(int Line, string Text, bool Invalid);

    [GeneratedRegex(@"^(```+)(.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?m)^\s*campaign\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex CampaignDeclaration();
}
