using CampaignDsl.Compiler.Semantics;
using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary><c>plugins:</c> in campaignc.yaml, the runtime kinds it allows, and plugin functions in the checks.</summary>
public sealed class PluginConfigurationTests
{
    [Fact]
    public void A_missing_script_is_reported_at_its_item_and_an_existing_one_is_kept_as_a_full_path()
    {
        var name = $"plugin-{Guid.NewGuid():N}.csx";
        var script = Path.Combine(Folder, "plugins", name);
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, "// nothing\n");
        try
        {
            var loaded = Load($"plugins: [plugins/{name}, plugins/gone.csx]\n");
            AssertOnly(loaded, "CDSL0102", 1, "plugins/gone.csx");
            Assert.Equal(script, Assert.Single(loaded.Configuration.Plugins));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void A_sender_kind_campaignc_lacks_is_kept_for_a_plugin_only_when_plugins_are_configured()
    {
        const string Runtime = "runtime:\n  sender: { kind: chat, channel: \"#shop\", rate_per_second: 2 }\n";
        AssertOnly(Load(Runtime), "CDSL0077", 2, "chat");

        var withPlugins = Load("plugins: [plugins/gone.csx]\n" + Runtime);
        Assert.Equal("CDSL0102", Single(withPlugins).Code);
        var sender = withPlugins.Configuration.Runtime.Sender!;
        Assert.Equal("chat", sender.Kind);
        Assert.Equal("#shop", sender.Get("channel"));
        Assert.Equal(2, sender.GetNumber("rate_per_second"));
    }

    [Fact]
    public void A_plugin_function_is_type_checked_like_a_built_in_one()
    {
        var tier = new FunctionSignature("loyalty_tier", [new Parameter("spent", ParameterKind.Value, DataType.Number)], DataType.Text, false, "test");
        const string Campaign = """
            campaign c "C" {
              type custom
              owner "crm@shop.example"
              from "Shop <news@shop.example>"
              timezone "Europe/London"
              audience {
                where loyalty_tier(ARG) == "gold"
              }
              stage s {
                send sms body "Hi"
              }
            }
            """;
        CampaignCompilation Compile(string argument, bool withPlugin) => CampaignCompilation.Compile(
            [("c.campaign", System.Text.Encoding.UTF8.GetBytes(Campaign.Replace("ARG", argument, StringComparison.Ordinal)))],
            CompilationOptions.Default with { PluginFunctions = withPlugin ? [tier] : [] });

        Assert.DoesNotContain(Compile("42", true).Diagnostics, d => d.IsError);
        Assert.Contains(Compile("\"x\"", true).Diagnostics, d => d.Code == "CDSL0017");
        Assert.Contains(Compile("42", false).Diagnostics, d => d.Code == "CDSL0015");
    }
}
