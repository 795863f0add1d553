using CampaignDsl.Runtime.Plugins;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Tests.Plugins;

/// <summary>
/// A plugin call stopped by its limits stops the command wherever the call is made: a template helper's stop is not
/// swallowed as a failed render (which <c>run</c> would record and go on), while a helper that merely throws still is.
/// </summary>
public sealed class PluginStopTests
{
    static PluginStopTests() => PluginFunctions.Register(
    [
        new PluginFunction("stop_test_stopped", _ => throw new PluginStoppedException("plugin function `stop_test_stopped` in plugins/x.csx did not finish within 5s and was stopped")),
        new PluginFunction("stop_test_throws", _ => throw new InvalidOperationException("no tier for this contact")),
    ]);

    [Fact]
    public void A_stopped_helper_stops_the_rendering_with_its_message()
    {
        var template = Compile("<p>{{stop_test_stopped lifetime_value}}</p>");
        var stopped = Assert.ThrowsAny<Exception>(() => template.Render(new Dictionary<string, object?> { ["lifetime_value"] = 10m }));
        Assert.Contains("`stop_test_stopped` in plugins/x.csx", PluginStoppedException.In(stopped)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_helper_that_throws_is_a_failed_render_as_before()
    {
        var template = Compile("<p>{{stop_test_throws lifetime_value}}</p>");
        var failed = Assert.IsType<TemplateRendering.Failed>(template.Render(new Dictionary<string, object?> { ["lifetime_value"] = 10m }));
        Assert.Contains("no tier for this contact", failed.Message, StringComparison.Ordinal);
    }

    private static ICompiledTemplate Compile(string text) =>
        Assert.IsType<TemplateCompilation.Compiled>(new HandlebarsTemplateEngine().Compile(text)).Template;
}
