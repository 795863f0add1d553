using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Tests.Templates;

public sealed class HandlebarsTemplateEngineTests
{
    private static string Render(string template, Dictionary<string, object?> model)
    {
        var compiled = Assert.IsType<TemplateCompilation.Compiled>(new HandlebarsTemplateEngine().Compile(template));
        return Assert.IsType<TemplateRendering.Rendered>(compiled.Template.Render(model)).Text;
    }

    [Fact]
    public void Escapes_like_handlebars_js_by_default_and_triple_stash_is_raw()
    {
        var model = new Dictionary<string, object?> { ["x"] = "<a href=\"/?a=1&b='2'\">`é`</a>" };
        Assert.Equal("&lt;a href&#x3D;&quot;/?a&#x3D;1&amp;b&#x3D;&#x27;2&#x27;&quot;&gt;&#x60;é&#x60;&lt;/a&gt;", Render("{{x}}", model));
        Assert.Equal("<a href=\"/?a=1&b='2'\">`é`</a>", Render("{{{x}}}", model));
    }

    [Fact]
    public void Prints_booleans_and_numbers_as_javascript_does()
    {
        var model = new Dictionary<string, object?> { ["yes"] = true, ["no"] = false, ["n"] = 79.95, ["m"] = 98.11m, ["missing"] = null };
        Assert.Equal("true false 79.95 98.11 []", Render("{{yes}} {{no}} {{n}} {{m}} [{{missing}}{{nothing}}]", model));
    }

    [Fact]
    public void Blocks_work_on_nested_models()
    {
        var model = new Dictionary<string, object?>
        {
            ["incentive"] = new Dictionary<string, object?> { ["discount"] = "20%", ["free_shipping"] = true },
            ["items"] = new List<object?> { new Dictionary<string, object?> { ["t"] = "a" }, new Dictionary<string, object?> { ["t"] = "b" } },
        };
        Assert.Equal("20% free a,b,", Render("{{#if incentive}}{{incentive.discount}}{{/if}} {{#if incentive.free_shipping}}free{{else}}paid{{/if}} {{#each items}}{{this.t}},{{/each}}", model));
    }

    [Fact]
    public void A_bad_template_is_a_failure_not_an_exception()
    {
        var failed = Assert.IsType<TemplateCompilation.Failed>(new HandlebarsTemplateEngine().Compile("{{#if x}}open"));
        Assert.NotEmpty(failed.Message);
    }

    [Fact]
    public void An_unknown_helper_is_a_rendering_failure()
    {
        var compiled = Assert.IsType<TemplateCompilation.Compiled>(new HandlebarsTemplateEngine().Compile("{{shout first_name}}"));
        Assert.IsType<TemplateRendering.Failed>(compiled.Template.Render(new Dictionary<string, object?> { ["first_name"] = "Anna" }));
    }

    [Theory]
    [InlineData("a.hbs", "handlebars")]
    [InlineData("A.HANDLEBARS", "handlebars")]
    [InlineData("b.txt", "handlebars")]
    [InlineData("c.html", "handlebars")]
    [InlineData("d.liquid", null)]
    [InlineData("e", null)]
    public void Engines_are_chosen_by_extension(string path, string? engine) =>
        Assert.Equal(engine, TemplateEngines.BuiltIn.FindForPath(path)?.Name);

    [Fact]
    public void The_cache_compiles_each_content_once()
    {
        var cache = new TemplateCache();
        var engine = new HandlebarsTemplateEngine();
        var first = cache.GetOrCompile(engine, "Hi {{first_name}}");
        var second = cache.GetOrCompile(engine, "Hi {{first_name}}");
        cache.GetOrCompile(engine, "Bye {{first_name}}");
        Assert.Same(first, second);
        Assert.Equal(2, cache.Compilations);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void A_full_cache_starts_over()
    {
        var cache = new TemplateCache(capacity: 2);
        var engine = new HandlebarsTemplateEngine();
        cache.GetOrCompile(engine, "a");
        cache.GetOrCompile(engine, "b");
        cache.GetOrCompile(engine, "c");
        Assert.Equal(1, cache.Count);
        Assert.Equal(3, cache.Compilations);
    }
}
