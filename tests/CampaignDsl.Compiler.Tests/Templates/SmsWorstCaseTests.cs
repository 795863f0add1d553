using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;
using HandlebarsDotNet;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>The longest text an SMS template renders, with every variable at its longest.</summary>
public sealed class SmsWorstCaseTests
{
    private static readonly TemplateVariableCatalog Catalogue = TemplateVariableCatalog.Create(ContactSchema.Default);

    private static SmsEstimate Estimate(string text) => SmsWorstCase.Estimate(TemplateAnalyzer.Analyze("t.txt", text), Catalogue);

    [Fact]
    public void Variables_count_at_their_maximum_length()
    {
        var estimate = Estimate("Hi {{first_name}}, your link: {{unsubscribe_url}}");

        Assert.Equal(3 + 40 + 13 + 100, estimate.Size.Length);
        Assert.Empty(estimate.Unbounded);
    }

    [Fact]
    public void The_longer_part_of_an_if_counts()
    {
        var estimate = Estimate("{{#if first_name}}Hi {{first_name}}{{else}}Hello there, dear customer of ours, hello!{{/if}}");

        Assert.Equal(43, estimate.Size.Length);
        Assert.Equal(43, Estimate("{{#if first_name}}short{{else}}Hi {{first_name}}{{/if}}").Size.Length);
    }

    [Fact]
    public void What_has_no_bound_is_listed_and_counted_as_empty()
    {
        var estimate = Estimate("{{city}} {{formatDate incentive.expires_at}} {{#each items}}{{name}}{{/each}} {{> footer}} {{unknown_name}}");

        Assert.Equal(
            [("city", UnboundedReason.Variable), ("formatDate", UnboundedReason.Helper), ("each", UnboundedReason.Loop), ("footer", UnboundedReason.Partial)],
            estimate.Unbounded.Select(u => (u.Name, u.Reason)));
        Assert.Equal(4, estimate.Size.Length);
    }

    [Fact]
    public void Comments_and_standalone_block_lines_are_not_sent()
    {
        const string text = "Hi {{first_name}},\n{{! internal note }}\n{{#if incentive}}\nUse {{incentive.discount}}\n{{/if}}\nBye\n";

        Assert.Equal("Hi " + new string('x', 40) + ",\nUse xxxxxx\nBye\n", Estimate(text).Text);
    }

    [Theory]
    [InlineData("Hi {{first_name}},\n{{#if incentive}}\nUse {{incentive.discount}}\n{{/if}}\nBye\n")]
    [InlineData("A  {{~#if sender~}}  {{sender.email}}  {{~/if~}}  B")]
    [InlineData("  {{#if country}}  \n{{country}}\n  {{/if}}\n{{!-- c --}}\nend")]
    [InlineData("\\{{not_a_tag}} {{first_name}} \\\\{{last_name}}")]
    public void The_text_is_what_Handlebars_Net_renders_with_the_longest_values(string template)
    {
        var values = Catalogue.All.Where(v => v.MaxLength is not null && !v.IsObject)
            .ToDictionary(v => v.Name, v => (object)new string('x', v.MaxLength!.Value));
        var data = Nest(values);
        var rendered = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true }).Compile(template)(data);

        Assert.Equal(rendered, Estimate(template).Text);
    }

    /// <summary>Dotted names as nested objects: <c>incentive.discount</c> becomes <c>incentive: { discount }</c>.</summary>
    private static Dictionary<string, object> Nest(Dictionary<string, object> flat)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in flat)
        {
            var parts = name.Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not Dictionary<string, object> next)
                {
                    next = new Dictionary<string, object>(StringComparer.Ordinal);
                    node[part] = next;
                }

                node = next;
            }

            node[parts[^1]] = value;
        }

        return root;
    }
}
