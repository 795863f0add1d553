using System.Text;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Tests;

/// <summary>Long chains make deep trees; writing and reading their plans must neither overflow the stack nor hit a depth limit.</summary>
public sealed class PlanDepthTests
{
    [Fact]
    public void A_long_and_chain_is_one_node_and_a_long_sum_round_trips()
    {
        var conditions = string.Join(" and ", Enumerable.Repeat("subscribed", 2_000));
        var sum = string.Join(" + ", Enumerable.Repeat("1", 500));
        var source = $$$"""
            campaign deep "Deep" {
              type custom
              audience { where {{{conditions}}} and count(purchase) < {{{sum}}} }
              stage only { send email body "Hi {{unsubscribe_url}}" subject "Hi" }
            }
            """;
        var compilation = CampaignCompilation.Compile([("deep.campaign", Encoding.UTF8.GetBytes(source))]);
        Assert.False(compilation.HasErrors, string.Join('\n', compilation.Diagnostics.Take(5)));

        var plan = Assert.Single(PlanEmitter.Emit(compilation).Plans).Plan;
        var and = Assert.IsType<AndExpression>(plan.Audience.Where);
        Assert.Equal(2_001, and.Operands.Length);

        var json = PlanJson.Serialize(plan);
        var read = PlanReader.Read(json);
        Assert.True(read.Succeeded, read.Error);
        Assert.Equal(json, PlanJson.Serialize(read.Plan!));
        Assert.Contains("planVersion: \"1.0\"", PlanYaml.Serialize(plan), StringComparison.Ordinal);
    }
}
