using System.Text;
using CampaignDsl.Compiler.Semantics;
using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>Attributes and events declared in campaignc.yaml are names campaigns may use.</summary>
public sealed class SchemaExtensionTests
{
    private const string StyleCampaign = """
        campaign style_picks "Style picks" {
          type winback
          audience { where style == "chic" and count(style.click) >= 1 and sum(purchase.discount) > 0 }
          stage picks { send email "templates/picks.hbs" subject "Picked for you" }
        }

        """;

    private const string Configuration = """
        contacts:
          attributes:
            style: text
        events:
          style.click:
            fields: { style: text }
          purchase:
            fields: { discount: number }
        """;

    [Fact]
    public void Without_the_configuration_the_names_are_unknown()
    {
        var diagnostics = Compile(CompilationOptions.Default);

        Assert.Equal(["CDSL0014", "CDSL0014", "CDSL0031"], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void With_the_configuration_the_campaign_is_clean()
    {
        var loaded = Load(Configuration);
        AssertClean(loaded);

        var diagnostics = Compile(CompilationOptions.Default.WithConfiguration(loaded.Configuration));

        // Lint rules still have their say about the win-back's design; every name resolves.
        Assert.Empty(diagnostics.Where(d => Analyzers.LintRules.Find(d.Code) is null));
    }

    [Fact]
    public void Custom_attributes_are_type_checked()
    {
        var options = CompilationOptions.Default.WithConfiguration(Load(Configuration).Configuration);
        var campaign = StyleCampaign.Replace("style == \"chic\"", "style > 5", StringComparison.Ordinal);

        var compilation = CampaignCompilation.Compile([("style.campaign", Encoding.UTF8.GetBytes(campaign))], options);

        Assert.Equal("CDSL0018", Assert.Single(compilation.Diagnostics).Code);
    }

    [Fact]
    public void Extending_keeps_built_in_types_and_adds_new_names()
    {
        var schema = ContactSchema.Default.Extend([new("email", DataType.Number), new("style", DataType.Text)]);
        var events = EventCatalog.Default.Extend([new KeyValuePair<string, Dictionary<string, DataType>>("purchase", new() { ["amount"] = DataType.Text, ["coupon"] = DataType.Text })]);

        Assert.Equal(DataType.Text, schema.Find("email"));
        Assert.Equal(DataType.Text, schema.Find("style"));
        Assert.Equal(DataType.Number, events.FindField("purchase", "amount"));
        Assert.Equal(DataType.Text, events.FindField("purchase", "coupon"));
        Assert.Null(ContactSchema.Default.Find("style"));
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostics.Diagnostic> Compile(CompilationOptions options) =>
        CampaignCompilation.Compile([("style.campaign", Encoding.UTF8.GetBytes(StyleCampaign))], options).Diagnostics;
}
