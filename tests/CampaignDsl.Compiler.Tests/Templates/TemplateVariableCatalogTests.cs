using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>The names templates may use, and their bounds.</summary>
public sealed class TemplateVariableCatalogTests
{
    [Fact]
    public void Holds_the_contact_schema_incentive_fields_built_ins_and_provider_placeholders()
    {
        var catalogue = TemplateVariableCatalog.Create(ContactSchema.Default);

        Assert.Equal(40, catalogue.Find("first_name")?.MaxLength);
        Assert.Equal(TemplateVariableKind.Contact, catalogue.Find("city")?.Kind);
        Assert.Null(catalogue.Find("city")?.MaxLength);
        Assert.Equal(5, catalogue.Find("subscribed")?.MaxLength);
        Assert.All(["incentive", "incentive.code", "incentive.discount", "incentive.credit", "incentive.free_shipping", "incentive.expires_at", "incentive.title"],
            name => Assert.Equal(TemplateVariableKind.Incentive, catalogue.Find(name)?.Kind));
        Assert.All(["unsubscribe_url", "view_in_browser_url", "preferences_url", "campaign.name", "campaign.title", "stage.name", "sender.name"],
            name => Assert.Equal(TemplateVariableKind.BuiltIn, catalogue.Find(name)?.Kind));
        Assert.Equal(TemplateVariableKind.ProviderPlaceholder, catalogue.Find("pm:unsubscribe")?.Kind);
        Assert.Null(catalogue.Find("shop_url"));
    }

    [Fact]
    public void Follows_the_schema_it_is_given()
    {
        var schema = new ContactSchema(new Dictionary<string, DataType> { ["loyalty_tier"] = DataType.Text, ["points"] = DataType.Number });

        var catalogue = TemplateVariableCatalog.Create(schema);

        Assert.NotNull(catalogue.Find("loyalty_tier"));
        Assert.Equal(20, catalogue.Find("points")?.MaxLength);
        Assert.Null(catalogue.Find("first_name"));
    }

    [Fact]
    public void With_narrows_or_adds_without_changing_the_original()
    {
        var original = TemplateVariableCatalog.Create(ContactSchema.Default);

        var narrowed = original.WithMaxLength("incentive.code", 9)
            .With(new TemplateVariable("style", TemplateVariableKind.ClickStored, 6, "a style"));

        Assert.Equal(9, narrowed.Find("incentive.code")?.MaxLength);
        Assert.Equal(6, narrowed.Find("style")?.MaxLength);
        Assert.Null(original.Find("incentive.code")?.MaxLength);
        Assert.Null(original.Find("style"));
    }

    [Theory]
    [InlineData("WB-{code:6}", 9)]
    [InlineData("{prefix:2}-{code:8}", 11)]
    [InlineData("WELCOME10", 9)]
    [InlineData("WB-{code}", null)]
    public void Code_patterns_give_the_code_length(string pattern, int? length) =>
        Assert.Equal(length, IncentiveCodePattern.MaxLength(pattern));
}
