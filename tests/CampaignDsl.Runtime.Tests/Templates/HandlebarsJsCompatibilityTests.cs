using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Tests.Templates;

public sealed class HandlebarsJsCompatibilityTests
{
    [Fact]
    public void The_indentation_of_a_chained_blocks_standalone_close_moves_into_a_helper() =>
        Assert.Equal("{{#if a}}\nA\n{{else if b}}\nB\n{{__hbsjs_text \"  \"~}}\n{{/if}}\nZ",
            HandlebarsJsCompatibility.Rewrite("{{#if a}}\nA\n{{else if b}}\nB\n  {{/if}}\nZ"));

    [Theory]
    [InlineData("{{#if a}}\nA\n{{else}}\nB\n  {{/if}}\nZ")]
    [InlineData("{{#if a}}\nA\n{{else if b}}\nB\n  {{/if}} tail\nZ")]
    [InlineData("{{#if a}}\nA\n{{else if b}}\nB\n  {{~/if}}\nZ")]
    [InlineData("{{{{raw}}}}{{#if a}}\n{{else if b}}\n  {{/if}}\n{{{{/raw}}}}")]
    [InlineData("{{/if}}")]
    public void Other_templates_are_left_alone(string template) =>
        Assert.Equal(template, HandlebarsJsCompatibility.Rewrite(template));
}
