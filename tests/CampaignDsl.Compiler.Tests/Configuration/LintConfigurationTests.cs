using CampaignDsl.Compiler.Configuration.Lint;
using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary><c>lint.rules</c> checked against a registry of rule descriptors (here a test one; the analyzers bring the real one).</summary>
public sealed class LintConfigurationTests
{
    [Fact]
    public void Levels_and_options_of_every_kind_are_read()
    {
        var loaded = Load("""
            lint:
              rules:
                discount-above-maximum: { level: error, max: 40% }
                sequence-too-short: { min: 3w, stages: 4 }
                named-sender: off
                allowed-channels: { level: warning, channels: [email, sms] }
            """);

        AssertClean(loaded);
        var lint = loaded.Configuration.Lint;
        var discount = lint.Find("discount-above-maximum")!;
        Assert.Equal(LintLevel.Error, discount.Level);
        Assert.Equal(40m, discount.Percent("max"));
        Assert.Equal(3, discount.Location.Start.Line);

        var sequence = lint.Find("sequence-too-short")!;
        Assert.Equal(LintLevel.Warning, sequence.Level); // the rule's default: only options were given
        Assert.Equal(TimeSpan.FromDays(21), sequence.Duration("min"));
        Assert.Equal(4m, sequence.Number("stages"));

        Assert.Equal(LintLevel.Off, lint.LevelOf(TestRules.Find("named-sender")!));
        Assert.Equal(["email", "sms"], lint.Find("allowed-channels")!.List("channels"));
    }

    [Fact]
    public void A_rule_left_out_keeps_its_default_level()
    {
        var lint = Load("lint:\n  rules:\n    named-sender: error\n").Configuration.Lint;

        Assert.Equal(LintLevel.Warning, lint.LevelOf(TestRules.Find("discount-above-maximum")!));
        Assert.Null(lint.Find("discount-above-maximum"));
    }

    [Fact]
    public void An_unknown_rule_is_the_warning_CDSL0079_with_the_nearest_id()
    {
        var loaded = Load("lint:\n  rules:\n    discount-above-maximun: error\n");

        var diagnostic = AssertOnly(loaded, "CDSL0079", 3, "discount-above-maximun");
        Assert.False(loaded.HasErrors);
        Assert.Contains("`discount-above-maximum`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(loaded.Configuration.Lint.Rules);
    }

    [Fact]
    public void With_an_empty_registry_every_rule_is_unknown()
    {
        var loaded = Load("lint:\n  rules:\n    discount-above-maximum: error\n", LintRuleRegistry.Empty);

        AssertOnly(loaded, "CDSL0079", 3, "discount-above-maximum");
    }

    [Fact]
    public void An_unknown_option_is_CDSL0074_with_the_nearest_option()
    {
        var diagnostic = AssertOnly(Load("lint:\n  rules:\n    discount-above-maximum: { level: error, maxx: 40% }\n"), "CDSL0074", 3, "maxx");

        Assert.Contains("`max`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("discount-above-maximum: { max: 40 }", "40")]
    [InlineData("discount-above-maximum: { max: 140% }", "140%")]
    [InlineData("sequence-too-short: { min: 3 weeks }", "3 weeks")]
    [InlineData("sequence-too-short: { min: 0d }", "0d")]
    [InlineData("sequence-too-short: { stages: four }", "four")]
    [InlineData("allowed-channels: { channels: email }", "email")]
    [InlineData("named-sender: { brand: [a] }", "brand")]
    public void An_option_of_the_wrong_kind_is_CDSL0076(string rule, string spanned)
    {
        AssertOnly(Load($"lint:\n  rules:\n    {rule}\n"), "CDSL0076", 3, spanned);
    }

    [Theory]
    [InlineData("named-sender: warn", "warn")]
    [InlineData("named-sender: { level: loud }", "loud")]
    public void An_unknown_level_is_CDSL0077(string rule, string spanned)
    {
        AssertOnly(Load($"lint:\n  rules:\n    {rule}\n"), "CDSL0077", 3, spanned);
    }

    [Fact]
    public void A_rule_without_a_value_is_CDSL0076()
    {
        AssertOnly(Load("lint:\n  rules:\n    named-sender:\n"), "CDSL0076", 3, "");
    }

    [Fact]
    public void A_registry_refuses_duplicate_ids_and_an_option_named_level()
    {
        Assert.Throws<ArgumentException>(() => new LintRuleRegistry(
            [new LintRuleDescriptor("a", LintLevel.Warning, []), new LintRuleDescriptor("a", LintLevel.Error, [])]));
        Assert.Throws<ArgumentException>(() => new LintRuleRegistry(
            [new LintRuleDescriptor("a", LintLevel.Warning, [new("level", LintOptionKind.Text)])]));
    }
}
