using System.Text.Json;
using System.Text.Json.Nodes;
using Campaignc.Output;
using Campaignc.Tests.Infrastructure;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;
using NJsonSchema;

namespace Campaignc.Tests;

/// <summary><c>--format sarif</c>: valid SARIF 2.1.0 with rule metadata and repository-relative locations.</summary>
public sealed class SarifFormatTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "spec", "sarif-schema-2.1.0.json")));

    [Fact]
    public async Task Report_with_errors_in_several_files_is_valid_sarif()
    {
        using var temp = new TempFolder();
        temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());
        temp.Write("sub folder/garbage.campaign", "campaign { ; \"open\n");
        temp.WriteBytes("binary.campaign", [0x63, 0x00, 0x01]);

        var result = await Cli.RunAsync("validate", temp.Path, "--format", "sarif");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        await AssertValidSarif(result.Stdout);
        Assert.True(Results(result.Stdout).Count >= 5, result.Stdout);
    }

    [Fact]
    public async Task Report_without_results_is_valid_sarif()
    {
        var result = await Cli.RunAsync("validate", RepositoryPaths.InRepo("examples"), "--format", "sarif");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        await AssertValidSarif(result.Stdout);
        Assert.Empty(Results(result.Stdout));
    }

    [Fact]
    public async Task Schema_validation_really_rejects_broken_sarif()
    {
        using var temp = new TempFolder();
        var file = temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());
        var sarif = JsonNode.Parse((await Cli.RunAsync("validate", file, "--format", "sarif")).Stdout)!.AsObject();
        var schema = await Schema.Value;

        var withoutVersion = sarif.DeepClone().AsObject();
        withoutVersion.Remove("version");
        Assert.NotEmpty(schema.Validate(withoutVersion.ToJsonString()));

        var wrongVersion = sarif.DeepClone().AsObject();
        wrongVersion["version"] = "2.0.0";
        Assert.NotEmpty(schema.Validate(wrongVersion.ToJsonString()));

        var zeroLine = sarif.DeepClone();
        zeroLine["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        Assert.NotEmpty(schema.Validate(zeroLine.ToJsonString()));

        var unknownProperty = sarif.DeepClone();
        unknownProperty["runs"]![0]!["results"]![0]!["severity"] = "high";
        Assert.NotEmpty(schema.Validate(unknownProperty.ToJsonString()));
    }

    [Fact]
    public async Task Every_result_names_a_listed_rule_by_id_and_index()
    {
        using var temp = new TempFolder();
        temp.Write("broken.campaign", SampleCampaigns.WithUnknownFunction());
        temp.Write("garbage.campaign", "campaign x \"t\" { audience { where not } stage s after 0d { send fax } } }");

        var result = await Cli.RunAsync("validate", temp.Path, "--format", "sarif");

        using var document = JsonDocument.Parse(result.Stdout);
        var run = document.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("campaignc", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Code), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("name").GetString()));
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.True(results.Count >= 4, result.Stdout);
        foreach (var r in results)
        {
            var id = r.GetProperty("ruleId").GetString();
            var index = r.GetProperty("ruleIndex").GetInt32();
            Assert.InRange(index, 0, rules.Count - 1);
            Assert.Equal(id, rules[index].GetProperty("id").GetString());
            Assert.Equal("error", r.GetProperty("level").GetString());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetProperty("text").GetString()));
        }
    }

    [Fact]
    public async Task Locations_are_relative_to_srcroot_with_one_based_regions()
    {
        using var temp = new TempFolder();
        temp.Write("campaigns/my winback.campaign", SampleCampaigns.WithUnknownFunction());

        // The source root is the current folder, so this needs a process of its own.
        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "sarif");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        await AssertValidSarif(result.Stdout);
        using var document = JsonDocument.Parse(result.Stdout);
        var run = document.RootElement.GetProperty("runs")[0];
        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", root, StringComparison.Ordinal);
        Assert.EndsWith("/", root, StringComparison.Ordinal);
        Assert.Equal(new Uri(temp.Path + "/").AbsoluteUri, new Uri(root).AbsoluteUri);

        var result0 = Assert.Single(run.GetProperty("results").EnumerateArray());
        var location = result0.GetProperty("locations")[0].GetProperty("physicalLocation");
        var artifact = location.GetProperty("artifactLocation");
        Assert.Equal("campaigns/my%20winback.campaign", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.False(new Uri(artifact.GetProperty("uri").GetString()!, UriKind.RelativeOrAbsolute).IsAbsoluteUri);

        var region = location.GetProperty("region");
        Assert.Equal(SampleCampaigns.UnknownFunctionLine, region.GetProperty("startLine").GetInt32());
        Assert.Equal(SampleCampaigns.UnknownFunctionColumn, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(SampleCampaigns.UnknownFunctionLine, region.GetProperty("endLine").GetInt32());
        Assert.Equal(SampleCampaigns.UnknownFunctionEndColumn, region.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public async Task File_outside_the_source_root_gets_an_absolute_uri()
    {
        using var root = new TempFolder();
        using var elsewhere = new TempFolder();
        var file = elsewhere.Write("away.campaign", SampleCampaigns.WithUnknownFunction());
        var source = new SourceText(file, await File.ReadAllTextAsync(file));
        var diagnostic = DiagnosticCatalog.UnknownFunction.Create(new SourceLocation(source, new TextSpan(0, 8)), "m");
        var output = new StringWriter();

        new SarifDiagnosticWriter(root.Path).Write(new ValidationReport(1, [diagnostic]), output);

        await AssertValidSarif(output.ToString());
        var artifact = JsonNode.Parse(output.ToString())!["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal(new Uri(file).AbsoluteUri, artifact["uri"]!.GetValue<string>());
        Assert.Null(artifact["uriBaseId"]);
    }

    [Fact]
    public async Task Warnings_and_infos_map_to_sarif_levels()
    {
        var source = new SourceText("x.campaign", "campaign x {}\n");
        var at = new SourceLocation(source, new TextSpan(9, 1));
        var output = new StringWriter();
        var report = new ValidationReport(1,
        [
            DiagnosticCatalog.SyntaxError.Create(at, "e"),
            DiagnosticCatalog.SyntaxError.Create(at, "w") with { Severity = DiagnosticSeverity.Warning },
            DiagnosticCatalog.SyntaxError.Create(at, "i") with { Severity = DiagnosticSeverity.Info },
        ]);

        new SarifDiagnosticWriter(Path.GetTempPath()).Write(report, output);

        await AssertValidSarif(output.ToString());
        Assert.Equal(["error", "warning", "note"], Results(output.ToString()).Select(r => r["level"]!.GetValue<string>()));
    }

    private static async Task AssertValidSarif(string json)
    {
        var schema = await Schema.Value;
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + json);
    }

    private static List<JsonNode> Results(string json) =>
        [.. JsonNode.Parse(json)!["runs"]![0]!["results"]!.AsArray().Select(r => r!)];
}
