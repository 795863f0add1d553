using CampaignDsl.Compiler.Templates;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>The Handlebars analysis on small templates: references, scoping, blocks, comments, raw blocks, errors.</summary>
public sealed class TemplateAnalyzerTests
{
    private static TemplateAnalysis Analyze(string text) => TemplateAnalyzer.Analyze("t.hbs", text);

    private static VariableReference Single(TemplateAnalysis analysis, string name) =>
        Assert.Single(analysis.References, r => r.Name == name);

    private static TextSpan SpanOf(string text, string part, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(part, at + 1, StringComparison.Ordinal);
        }

        Assert.True(at >= 0, $"`{part}` not in the template");
        return new TextSpan(at, part.Length);
    }

    [Fact]
    public void Finds_plain_triple_stash_and_helper_argument_references_with_positions()
    {
        const string text = "Hi {{first_name}},\n<a href=\"{{{unsubscribe_url}}}\">x</a>\nUntil {{formatDate incentive.expires_at}}";
        var analysis = Analyze(text);

        Assert.Empty(analysis.Errors);
        Assert.Equal(["first_name", "unsubscribe_url", "incentive.expires_at"], analysis.References.Select(r => r.Name));
        Assert.All(analysis.References, r => Assert.False(r.IsScoped));

        var first = Single(analysis, "first_name");
        Assert.Equal(SpanOf(text, "first_name"), first.Span);
        Assert.Equal(new LinePosition(1, 6), analysis.PositionOf(first.Span.Start));
        Assert.Equal(ReferenceRole.Output, first.Role);

        var unsubscribe = Single(analysis, "unsubscribe_url");
        Assert.Equal(new LinePosition(2, 13), analysis.PositionOf(unsubscribe.Span.Start));

        var expires = Single(analysis, "incentive.expires_at");
        Assert.Equal(ReferenceRole.HelperArgument, expires.Role);
        Assert.Equal(new LinePosition(3, 20), analysis.PositionOf(expires.Span.Start));
        Assert.Equal("formatDate", Assert.Single(analysis.Helpers).Name);
    }

    [Fact]
    public void Conditions_are_references_and_guard_what_they_enclose()
    {
        const string text = "{{#if incentive}}Code {{incentive.code}}{{else}}No code {{incentive.title}}{{/if}}";
        var analysis = Analyze(text);

        Assert.Empty(analysis.Errors);
        var condition = Single(analysis, "incentive");
        Assert.Equal(ReferenceRole.Condition, condition.Role);
        Assert.Equal(SpanOf(text, "incentive"), condition.Span);
        Assert.True(Single(analysis, "incentive.code").IsGuardedBy("incentive"));
        Assert.False(Single(analysis, "incentive.title").IsGuardedBy("incentive"));

        var block = Assert.IsType<BlockNode>(Assert.Single(analysis.Nodes));
        Assert.Equal(BlockKind.If, block.Kind);
        Assert.Equal(2, block.Branches.Length);
        Assert.Equal(SpanOf(text, "{{else}}"), block.Inverse!.Tag);
    }

    [Fact]
    public void Unless_guards_its_else_part()
    {
        var analysis = Analyze("{{#unless incentive}}none{{else}}{{incentive.code}}{{/unless}}");

        Assert.True(Single(analysis, "incentive.code").IsGuardedBy("incentive"));
    }

    [Fact]
    public void Names_inside_each_and_with_are_scoped_but_their_else_parts_are_not()
    {
        const string text = """
            {{#each items}}
              {{title}} {{this.price}} {{@index}} {{../first_name}} {{@root.last_name}}
            {{else}}
              {{first_name}}
            {{/each}}
            {{#with incentive as |offer|}}{{code}} {{offer.code}}{{/with}}
            """;
        var analysis = Analyze(text);

        Assert.Empty(analysis.Errors);
        Assert.False(Single(analysis, "items").IsScoped);
        Assert.Equal(ReferenceRole.BlockContext, Single(analysis, "items").Role);
        Assert.True(Single(analysis, "title").IsScoped);
        Assert.True(Single(analysis, "price").IsScoped);
        Assert.True(Single(analysis, "index").IsScoped);
        Assert.True(Assert.Single(analysis.References, r => r.Path.ParentDepth == 1).IsScoped);
        Assert.Contains(analysis.References, r => r.Name == "first_name" && !r.IsScoped && r.Path.ParentDepth == 0);

        // @root reaches the template's root from anywhere.
        var root = Single(analysis, "last_name");
        Assert.False(root.IsScoped);
        Assert.Equal(SpanOf(text, "@root.last_name"), root.Span);

        Assert.False(Single(analysis, "incentive").IsScoped);
        Assert.True(Single(analysis, "code").IsScoped);
        Assert.True(Single(analysis, "offer.code").IsScoped);
        var with = Assert.IsType<BlockNode>(analysis.Nodes.OfType<BlockNode>().Last());
        Assert.Equal("offer", Assert.Single(with.Expression.BlockParameters));
    }

    [Fact]
    public void Nested_blocks_and_chained_else_if_build_one_tree()
    {
        const string text = "{{#if a}}{{#each b}}{{c}}{{/each}}{{else if d}}{{e}}{{else}}{{f}}{{/if}}";
        var analysis = Analyze(text);

        Assert.Empty(analysis.Errors);
        var outer = Assert.IsType<BlockNode>(Assert.Single(analysis.Nodes));
        Assert.Equal(new TextSpan(0, text.Length), outer.Span);
        var each = Assert.IsType<BlockNode>(Assert.Single(outer.Program.Children));
        Assert.Equal(BlockKind.Each, each.Kind);
        var chained = Assert.IsType<BlockNode>(Assert.Single(outer.Inverse!.Children));
        Assert.Equal(BlockKind.If, chained.Kind);
        Assert.Equal(SpanOf(text, "{{else if d}}"), chained.OpenTag);
        Assert.Equal(2, chained.Branches.Length);

        Assert.True(Single(analysis, "c").IsScoped);
        Assert.Equal(ReferenceRole.Condition, Single(analysis, "d").Role);
        Assert.True(Single(analysis, "e").IsGuardedBy("d"));
        Assert.False(Single(analysis, "f").IsScoped);
    }

    [Fact]
    public void Comments_raw_blocks_and_escaped_tags_hold_no_references()
    {
        const string text = """
            {{! short, ends at the first closing braces }}{{!-- a long one with }} and {{long}} --}}
            {{{{raw}}}}{{inside_raw}}{{{{/raw}}}}
            \{{escaped}} {{real}} \\{{after_backslash}}
            """;
        var analysis = Analyze(text);

        Assert.Empty(analysis.Errors);
        Assert.Equal(["real", "after_backslash"], analysis.References.Select(r => r.Name));
        Assert.Equal([SpanOf(text, "{{! short, ends at the first closing braces }}"), SpanOf(text, "{{!-- a long one with }} and {{long}} --}}")], analysis.Comments.ToArray());
        var raw = Assert.Single(analysis.Nodes.OfType<RawBlockNode>());
        Assert.Equal("{{inside_raw}}", raw.Content);
        Assert.Contains(analysis.Nodes.OfType<TextNode>(), t => t.Text.Contains("{{escaped}} ", StringComparison.Ordinal));
        Assert.Contains(analysis.Nodes.OfType<TextNode>(), t => t.Text.EndsWith(" \\", StringComparison.Ordinal));
    }

    [Fact]
    public void Partials_sub_expressions_and_hash_arguments_are_read()
    {
        const string text = "{{> footer person=sender.name}}{{link (concat preferences_url \"#sms\") label=\"Prefs\" class=css}}";
        var analysis = Analyze(text);

        Assert.Empty(analysis.Errors);
        var partial = Assert.Single(analysis.Partials);
        Assert.Equal("footer", partial.Name);
        Assert.Equal(ReferenceRole.PartialArgument, Single(analysis, "sender.name").Role);
        Assert.Equal(ReferenceRole.HelperArgument, Single(analysis, "preferences_url").Role);
        Assert.Equal(ReferenceRole.HelperArgument, Single(analysis, "css").Role);
        Assert.Equal(["link", "concat"], analysis.Helpers.Select(h => h.Name));
    }

    [Fact]
    public void Spaces_whitespace_control_and_names_with_colons_are_handled()
    {
        const string text = "{{~ first_name ~}} {{{ pm:unsubscribe }}} {{[last name]}}";
        var analysis = Analyze(text);

        Assert.Empty(analysis.Errors);
        Assert.Equal(["first_name", "pm:unsubscribe", "last name"], analysis.References.Select(r => r.Name));
        Assert.Equal(SpanOf(text, "pm:unsubscribe"), Single(analysis, "pm:unsubscribe").Span);
    }

    [Theory]
    [InlineData("Hi {{first_name", 1, 4)]
    [InlineData("a\nb\n  {{#if x}}\n", 3, 3)]
    [InlineData("{{#if a}}x{{/each}}", 1, 11)]
    [InlineData("text\n{{/if}}", 2, 1)]
    [InlineData("{{else}}", 1, 1)]
    [InlineData("{{{a}}", 1, 1)]
    [InlineData("{{a}}}", 1, 1)]
    [InlineData("x\n{{!-- open", 2, 1)]
    [InlineData("{{#if a}}{{else}}{{else}}{{/if}}", 1, 18)]
    [InlineData("\n\n{{#if}}x{{/if}}", 3, 1)]
    [InlineData("{{#each}}x{{/each}}", 1, 1)]
    [InlineData("{{a (b c}}", 1, 5)]
    [InlineData("{{{{raw}}}} never closed", 1, 1)]
    [InlineData("{{}}", 1, 1)]
    [InlineData("line\n{{a \"open}}", 2, 1)]
    public void Syntax_errors_are_located(string text, int line, int column)
    {
        var analysis = Analyze(text);

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(new LinePosition(line, column), analysis.PositionOf(error.Span.Start));
        Assert.True(error.Span.Length > 0);
    }

    [Fact]
    public void An_unclosed_tag_does_not_hide_the_tags_after_it()
    {
        var analysis = Analyze("{{first_name\n{{last_name}}");

        Assert.Single(analysis.Errors);
        Assert.Equal("last_name", Assert.Single(analysis.References).Name);
    }

    [Fact]
    public void A_wrongly_named_close_still_closes_its_block()
    {
        var analysis = Analyze("{{#if a}}{{#each b}}x{{/if}}{{/if}}");

        // `{{/if}}` closes the if and with it the each, which is reported; the second `{{/if}}` closes nothing.
        Assert.Equal([new LinePosition(1, 10), new LinePosition(1, 29)], analysis.Errors.Select(e => analysis.PositionOf(e.Span.Start)));
    }

    [Fact]
    public void What_only_Handlebars_Net_refuses_is_reported_from_the_engine()
    {
        // handlebars.js accepts `{{& x}}`; Handlebars.Net 2.4 does not, and it renders the templates.
        var analysis = Analyze("line one\n{{& first_name}}");

        var error = Assert.Single(analysis.Errors);
        Assert.Contains("Handlebars.Net", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, analysis.PositionOf(error.Span.Start).Line);
    }

    [Fact]
    public void Mustache_sections_change_the_context_and_inverted_sections_do_not()
    {
        var analysis = Analyze("{{#receipt_details}}{{amount}}{{/receipt_details}}{{^receipt_details}}{{name}}{{/receipt_details}}");

        Assert.Empty(analysis.Errors);
        Assert.True(Single(analysis, "amount").IsScoped);
        Assert.False(Single(analysis, "name").IsScoped);
        Assert.All(analysis.References.Where(r => r.Name == "receipt_details"), r => Assert.False(r.IsScoped));
    }
}
