using System.Text;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Plan;
using NJsonSchema;

namespace Campaignc.Tests;

/// <summary>
/// The example campaigns, compiled together, give the plans committed next to them (campaign
/// <c>we_miss_you</c> → <c>we_miss_you.plan.json</c> in its file's folder); every plan validates against docs/plan.schema.json and reads back, and
/// compiling is deterministic: twice, or from another current folder, gives the same bytes.
/// Run with UPDATE_BASELINES=1 to rewrite the committed plans.
/// </summary>
public sealed class ExamplePlanTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(RepositoryPaths.InRepo("docs", "plan.schema.json")));

    private static List<string> ExampleFiles()
    {
        var root = RepositoryPaths.InRepo("examples");
        var files = Directory.GetFiles(root, "*.campaign", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .Where(f => HoldsCampaign(RepositoryPaths.InRepo(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new InvalidOperationException($"no example campaigns under {root}");
    }

    [Fact]
    public async Task Every_example_compiles_to_its_committed_plan()
    {
        // Compiled together, as a hand-off (`then enroll`) needs the campaign it names among the files.
        using var output = new TempFolder();
        var result = await Cli.RunAsync("compile", RepositoryPaths.InRepo("examples"), "-o", output.Path + "/");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());

        var plans = Directory.GetFiles(output.Path, "*.plan.json");
        var campaigns = ExampleFiles().SelectMany(CampaignNames).ToList();
        Assert.Equal(campaigns.Select(c => c.Name).Order(StringComparer.Ordinal), plans.Select(p => Path.GetFileName(p)[..^".plan.json".Length]).Order(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var (name, folder) in campaigns)
        {
            var actual = await File.ReadAllTextAsync(Path.Combine(output.Path, name + ".plan.json"));
            var expectedPath = Path.Combine(folder, name + ".plan.json");
            await AssertValidPlanAsync(actual, name);
            var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
            if (expected == actual)
            {
                continue;
            }

            if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
            {
                await File.WriteAllTextAsync(expectedPath, actual);
            }
            else
            {
                problems.Add($"{expectedPath} {(expected is null ? "does not exist" : "does not match the compiled plan")}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems) + "\nRun with UPDATE_BASELINES=1 to rewrite the committed plans.");
    }

    private static async Task AssertValidPlanAsync(string json, string name)
    {
        var errors = (await Schema.Value).Validate(json);
        Assert.True(errors.Count == 0, $"{name}: " + string.Join('\n', errors.Select(e => $"{e.Path}: {e}")));
        var read = PlanReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.True(read.Succeeded, read.Error);
        Assert.Equal(json, PlanJson.SerializeToString(read.Plan!));
    }

    /// <summary>The campaigns a file declares, with the folder its plans are committed in.</summary>
    private static IEnumerable<(string Name, string Folder)> CampaignNames(string example) =>
        File.ReadLines(RepositoryPaths.InRepo(example))
            .Select(line => line.TrimStart())
            .Where(line => line.StartsWith("campaign ", StringComparison.Ordinal))
            .Select(line => (line["campaign ".Length..].Split(' ', '{')[0], Path.GetDirectoryName(RepositoryPaths.InRepo(example))!));

    [Fact]
    public async Task Compiling_twice_and_from_other_folders_gives_the_same_bytes()
    {
        using var output = new TempFolder();
        var examples = RepositoryPaths.InRepo("examples");
        var runs = new[]
        {
            (Folder: RepositoryPaths.Root, Path: "examples", Out: output.Combine("root") + "/"),
            (Folder: RepositoryPaths.Root, Path: "examples", Out: output.Combine("again") + "/"),
            (Folder: examples, Path: ".", Out: output.Combine("inside") + "/"),
            (Folder: Path.GetTempPath(), Path: examples, Out: output.Combine("absolute") + "/"),
        };
        foreach (var run in runs)
        {
            var result = await Cli.RunChildAsync(run.Folder, "compile", run.Path, "-o", run.Out);
            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        }

        var first = Directory.GetFiles(output.Combine("root")).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(first);
        foreach (var other in new[] { "again", "inside", "absolute" })
        {
            foreach (var file in first)
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.Equal(bytes, await File.ReadAllBytesAsync(output.Combine(other, Path.GetFileName(file))));
            }
        }

        var text = await File.ReadAllTextAsync(first[0]);
        Assert.DoesNotContain(RepositoryPaths.Root, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    /// <summary>Shared libraries (segments and incentives only) have no plan of their own.</summary>
    private static bool HoldsCampaign(string path) =>
        File.ReadLines(path).Any(line => line.TrimStart().StartsWith("campaign ", StringComparison.Ordinal));
}
