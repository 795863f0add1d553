using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>Which unsubscribe links count: ours and the providers' placeholders, printed and not commented out.</summary>
public sealed class UnsubscribeLinkFinderTests
{
    private static string? Found(string text)
    {
        var analysis = TemplateAnalyzer.Analyze("t.hbs", text);
        return UnsubscribeLinkFinder.Find(analysis) is { } span ? text.Substring(span.Start, span.Length) : null;
    }

    [Theory]
    [InlineData("<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>", "unsubscribe_url")]
    [InlineData("<a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a>", "unsubscribe_url")]
    [InlineData("<a href=\"https://shop.example/out?u={{unsubscribe_url}}&x=1\">Leave</a>", "unsubscribe_url")]
    [InlineData("Stop: {{unsubscribe_url}}", "unsubscribe_url")]
    [InlineData("<a href=\"{{{unsubscribe}}}\">Unsubscribe</a>", "unsubscribe")]
    [InlineData("<a href=\"{{{ pm:unsubscribe }}}\">Unsubscribe</a>", "pm:unsubscribe")]
    [InlineData("<a href=\"<%asm_group_unsubscribe_raw_url%>\">Unsubscribe</a>", "<%asm_group_unsubscribe_raw_url%>")]
    [InlineData("<a href=\"<%asm_global_unsubscribe_raw_url%>\">Unsubscribe</a>", "<%asm_global_unsubscribe_raw_url%>")]
    [InlineData("<a href=\"[Unsubscribe]\">Unsubscribe</a>", "[Unsubscribe]")]
    [InlineData("{{#if first_name}}<a href=\"{{unsubscribe_url}}\">x</a>{{/if}}", "unsubscribe_url")]
    public void Finds_our_link_and_the_providers_placeholders(string text, string expected) =>
        Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("<p>No way out</p>")]
    [InlineData("<a href=\"https://shop.example/unsubscribe\">Unsubscribe</a>")]
    [InlineData("{{! <a href=\"{{unsubscribe_url}}\"> }}")]
    [InlineData("{{!-- <a href=\"{{unsubscribe_url}}\">x</a> --}}")]
    [InlineData("<!-- <a href=\"{{unsubscribe_url}}\">x</a> -->")]
    [InlineData("<!-- <a href=\"<%asm_group_unsubscribe_raw_url%>\">x</a> -->")]
    [InlineData("{{#if unsubscribe_url}}Thanks{{/if}}")]
    [InlineData("{{#each links}}{{unsubscribe_url}}{{/each}}")]
    [InlineData("\\{{unsubscribe_url}}")]
    public void Ignores_what_is_not_a_printed_link(string text) => Assert.Null(Found(text));
}
