using System.Text;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Compiler.Tests.Infrastructure;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Tests;

/// <summary>
/// Compiles each case under Baselines/Plans/ (input.campaign, its templates, and any campaign it hands off to) and compares the plan
/// with the case's plan.json; every plan must also validate against docs/plan.schema.json and read back
/// through <see cref="PlanReader"/> to the same bytes. Run with UPDATE_BASELINES=1 to rewrite plan.json.
/// </summary>
public sealed class PlanBaselineTests
{
    private const string InputFile = "input.campaign";

    public static TheoryData<string> Cases => [.. PlanCaseIds()];

    private static List<string> PlanCaseIds()
    {
        var cases = BaselineCase.DiscoverAll().Where(c => c.ExpectsPlan).Select(c => c.Id).ToList();
        return cases.Count > 0 ? cases : throw new InvalidOperationException($"no plan baseline cases found under {BaselineCase.Root}/Plans");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Plan_matches_the_baseline(string caseId)
    {
        var baseline = BaselineCase.FromId(caseId);
        var plan = Emit(baseline);
        var json = PlanJson.SerializeToString(plan);

        BaselineFile.AssertMatches(baseline.ExpectedPlanPath, baseline.ActualPlanPath, json);
        await PlanSchema.AssertValidAsync(json, caseId);
        var read = PlanReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.True(read.Succeeded, read.Error);
        Assert.Equal(json, PlanJson.SerializeToString(read.Plan!));
    }

    [Fact]
    public void Every_source_map_entry_points_into_a_file_of_the_case()
    {
        foreach (var id in PlanCaseIds())
        {
            var baseline = BaselineCase.FromId(id);
            var plan = Emit(baseline);
            var files = baseline.ReadInputs().Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(plan.SourceMap.Entries);
            Assert.All(plan.SourceMap.Entries, entry =>
            {
                var parts = entry.Value.Split(':');
                Assert.Equal(3, parts.Length);
                Assert.Contains(parts[0], files);
                Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 1, entry.ToString());
            });
        }
    }

    [Fact]
    public void Emitting_twice_gives_the_same_bytes()
    {
        foreach (var id in PlanCaseIds())
        {
            var baseline = BaselineCase.FromId(id);
            Assert.Equal(PlanJson.Serialize(Emit(baseline)), PlanJson.Serialize(Emit(baseline)));
        }
    }

    [Fact]
    public void A_compilation_with_errors_has_no_plan()
    {
        var compilation = CampaignCompilation.Compile([("broken.campaign", Encoding.UTF8.GetBytes("campaign broken { stage a after five { } }"))]);

        var result = PlanEmitter.Emit(compilation);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Plans);
        Assert.NotEmpty(result.Diagnostics);
    }

    private static CampaignPlan Emit(BaselineCase baseline)
    {
        var options = baseline.Options;
        var compilation = CampaignCompilation.Compile(baseline.ReadInputs(), options);
        var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, $"{baseline.Id} should compile without errors, but has:\n{string.Join('\n', errors)}");

        var result = PlanEmitter.Emit(compilation, options);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        // Other files of the case (a campaign handed off to) are context; the plan under test is input.campaign's.
        return Assert.Single(result.Plans, p => p.CampaignPath == InputFile).Plan;
    }
}
