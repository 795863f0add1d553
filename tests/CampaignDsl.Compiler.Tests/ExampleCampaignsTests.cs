using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Semantics.Checks;
using CampaignDsl.Compiler.Tests.Infrastructure;

namespace CampaignDsl.Compiler.Tests;

/// <summary>
/// The example campaigns are what people copy: they compile as a project (with their campaignc.yaml,
/// imports and templates) with no error and no warning at all, and there is one of every campaign type.
/// </summary>
public sealed class ExampleCampaignsTests
{
    [Fact]
    public void Examples_have_no_diagnostics()
    {
        var compilation = CampaignCompilation.Compile(ExampleProject.ReadFiles(), ExampleProject.Options());

        var diagnostics = ExampleProject.Configuration.Diagnostics.Concat(compilation.Diagnostics).ToList();
        Assert.True(diagnostics.Count == 0, "the examples must validate with no errors and no warnings:\n" + string.Join("\n", diagnostics));
    }

    [Fact]
    public void Every_campaign_type_has_an_example()
    {
        var compilation = CampaignCompilation.Compile(ExampleProject.ReadFiles(), ExampleProject.Options());
        var types = compilation.SyntaxTrees
            .SelectMany(tree => tree.Root?.Campaigns ?? [])
            .SelectMany(campaign => campaign.Settings.Where(s => s.Key.Name == "type").Select(s => s.Value))
            .OfType<NameReference>().Select(type => type.Name)
            .ToHashSet(StringComparer.Ordinal);

        var missing = SettingCatalog.CampaignTypes.Where(t => t != "custom" && !types.Contains(t)).ToList();
        Assert.True(missing.Count == 0, $"no example campaign of type {string.Join(", ", missing)}");
    }
}
