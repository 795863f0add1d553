using System.Text;
using System.Text.Json.Nodes;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Compiler.Tests.Infrastructure;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Tests;

/// <summary>The runtime's side of the contract: <see cref="PlanReader"/> accepts every 1.x plan and explains everything else, never throwing.</summary>
public sealed class PlanReaderTests
{
    [Fact]
    public void Reads_a_plan_with_a_later_minor_version_and_ignores_what_it_adds()
    {
        var plan = JsonNode.Parse(SamplePlan())!.AsObject();
        plan["planVersion"] = "1.7";
        plan["addedInOneSeven"] = new JsonObject { ["anything"] = 1 };

        var result = PlanReader.Read(Encoding.UTF8.GetBytes(plan.ToJsonString()));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("1.7", result.Plan!.PlanVersion);
    }

    [Theory]
    [InlineData("2.0", "not supported")]
    [InlineData("0.9", "not supported")]
    [InlineData("one", "expected \"major.minor\"")]
    public void Refuses_a_version_it_does_not_read(string version, string expected)
    {
        var plan = JsonNode.Parse(SamplePlan())!.AsObject();
        plan["planVersion"] = version;

        var result = PlanReader.Read(Encoding.UTF8.GetBytes(plan.ToJsonString()));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[1, 2]", "a plan is a JSON object")]
    [InlineData("{\"name\": \"x\"}", "no `planVersion`")]
    [InlineData("{\"planVersion\": \"1.0\"}", "not a valid plan")]
    public void Explains_what_is_not_a_plan(string text, string expected)
    {
        var result = PlanReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_unknown_expression_kind_and_says_where()
    {
        var plan = JsonNode.Parse(SamplePlan())!.AsObject();
        plan["audience"]!["where"]!["kind"] = "telepathy";

        var result = PlanReader.Read(Encoding.UTF8.GetBytes(plan.ToJsonString()));

        Assert.False(result.Succeeded);
        Assert.Contains("$.audience.where", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_plan_missing_a_required_property()
    {
        var plan = JsonNode.Parse(SamplePlan())!.AsObject();
        plan.Remove("stages");

        var result = PlanReader.Read(Encoding.UTF8.GetBytes(plan.ToJsonString()));

        Assert.False(result.Succeeded);
        Assert.Contains("stages", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_plan_whose_names_do_not_resolve()
    {
        var withoutSegments = JsonNode.Parse(SamplePlan())!.AsObject();
        withoutSegments["segments"] = new JsonArray();
        var renumbered = JsonNode.Parse(SamplePlan())!.AsObject();
        renumbered["stages"]![0]!["index"] = 3;

        var noSegment = PlanReader.Read(Encoding.UTF8.GetBytes(withoutSegments.ToJsonString()));
        var badIndex = PlanReader.Read(Encoding.UTF8.GetBytes(renumbered.ToJsonString()));

        Assert.Contains("segment `dutch`", noSegment.Error, StringComparison.Ordinal);
        Assert.Contains("index 3", badIndex.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_source_map_in_order_and_finds_entries()
    {
        var result = PlanReader.Read(Encoding.UTF8.GetBytes(SamplePlan()));

        var map = result.Plan!.SourceMap;
        Assert.Equal("campaign", map.Entries[0].Key);
        Assert.Equal("sample.campaign:1:1", map.Find("campaign"));
        Assert.Null(map.Find("no.such.node"));
    }

    [Fact]
    public void Reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plan-reader-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"planVersion\": \"9.0\"}");
        try
        {
            var result = PlanReader.ReadFile(path);

            Assert.False(result.Succeeded);
            Assert.StartsWith(path, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Contains("cannot read", PlanReader.ReadFile(path).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_throws_whatever_a_value_is_replaced_with()
    {
        var sample = SamplePlan();
        var replacements = new Func<JsonNode?>[] { () => null, () => JsonValue.Create(1e300), () => JsonValue.Create(-1), () => "x", () => new JsonArray(), () => new JsonObject() };
        var paths = new List<object[]>();
        CollectPaths(JsonNode.Parse(sample)!, [], paths);
        Assert.True(paths.Count > 50, $"only {paths.Count} values in the sample plan");

        foreach (var path in paths)
        {
            foreach (var replacement in replacements)
            {
                var plan = JsonNode.Parse(sample)!;
                Replace(plan, path, replacement());
                var result = PlanReader.Read(Encoding.UTF8.GetBytes(plan.ToJsonString()));
                Assert.True(result.Succeeded || result.Error is { Length: > 0 }, string.Join('/', path));
            }
        }
    }

    /// <summary>Every property and item, as the steps (names and indexes) that lead to it.</summary>
    private static void CollectPaths(JsonNode node, object[] path, List<object[]> paths)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => ((object)p.Key, p.Value)).ToList(),
            JsonArray array => array.Select((item, i) => ((object)i, item)).ToList(),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            object[] childPath = [.. path, step];
            paths.Add(childPath);
            if (child is not null)
            {
                CollectPaths(child, childPath, paths);
            }
        }
    }

    private static void Replace(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = path[..^1].Aggregate(root, (node, step) => step is int index ? node[index]! : node[(string)step]!);
        if (path[^1] is int last)
        {
            parent.AsArray()[last] = value;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = value;
        }
    }

    private static string SamplePlan()
    {
        const string source = """
            campaign sample "Sample" {
              type welcome
              segment dutch = country in ["NL", "BE"]
              audience { where subscribed and dutch }
              stage hello { send email body "Hi {{first_name}} {{unsubscribe_url}}" subject "Hello" }
            }
            """;
        var compilation = CampaignCompilation.Compile([("sample.campaign", Encoding.UTF8.GetBytes(source))]);
        Assert.False(compilation.HasErrors, string.Join('\n', compilation.Diagnostics));
        return PlanJson.SerializeToString(Assert.Single(PlanEmitter.Emit(compilation).Plans).Plan);
    }
}
