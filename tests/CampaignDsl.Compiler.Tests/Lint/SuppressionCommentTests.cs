using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Tests.Lint;

/// <summary><c>// campaignc-disable-next-line rule-id</c>: what it silences, and what it does not.</summary>
public sealed class SuppressionCommentTests
{
    private const string Holdout = "reengagement-without-holdout";
    private const string Discount = "discount-above-maximum";

    [Fact]
    public void A_named_rule_is_silenced_on_the_next_line_only()
    {
        var compilation = LintRuleTests.Lint("// campaignc-disable-next-line " + Holdout + "\n" + LintRuleTests.WithoutHoldout);

        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == Holdout);
        Assert.Contains(compilation.Diagnostics, d => d.Code == Discount);
    }

    [Theory]
    [InlineData("# campaignc-disable-next-line reengagement-without-holdout")]
    [InlineData("//campaignc-disable-next-line reengagement-without-holdout -- the list is too small to split")]
    [InlineData("// campaignc-disable-next-line no-subject-line-test, reengagement-without-holdout")]
    [InlineData("// campaignc-disable-next-line no-subject-line-test reengagement-without-holdout")]
    [InlineData("// campaignc-disable-next-line")]
    [InlineData("// campaignc-disable-next-line -- every rule: an experiment")]
    public void Comment_forms_that_silence_the_rule(string comment)
    {
        var compilation = LintRuleTests.Lint(comment + "\n" + LintRuleTests.WithoutHoldout);

        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == Holdout);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == DiagnosticCatalog.UnknownSuppressedRule.Code);
    }

    [Fact]
    public void A_comment_at_the_end_of_a_line_silences_the_next_line()
    {
        var source = LintRuleTests.WithoutHoldout.Replace("  incentive back50", "  // campaignc-disable-next-line " + Discount + "\n  incentive back50", StringComparison.Ordinal)
            .Replace("  incentive back50 { discount 50%", "  incentive back50 {\n    discount 50%", StringComparison.Ordinal)
            .Replace("  // campaignc-disable-next-line " + Discount + "\n  incentive back50 {", "  incentive back50 { // campaignc-disable-next-line " + Discount, StringComparison.Ordinal);

        var compilation = LintRuleTests.Lint(source);

        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == Discount);
    }

    [Fact]
    public void Other_rules_on_the_line_are_still_reported()
    {
        var compilation = LintRuleTests.Lint("// campaignc-disable-next-line " + Discount + "\n" + LintRuleTests.WithoutHoldout);

        Assert.Contains(compilation.Diagnostics, d => d.Code == Holdout);
    }

    [Fact]
    public void The_directive_inside_a_quoted_text_is_not_a_comment()
    {
        var source = LintRuleTests.WithoutHoldout.Replace("owner \"crm@shop.example\"",
            "owner \"crm@shop.example\"\n  tags [\"# campaignc-disable-next-line\"]", StringComparison.Ordinal)
            .Replace("audience {", "audience {\n", StringComparison.Ordinal);

        var compilation = LintRuleTests.Lint(source);

        Assert.Contains(compilation.Diagnostics, d => d.Code == Holdout);
    }

    [Fact]
    public void An_unknown_rule_id_is_reported_with_a_suggestion_and_silences_nothing()
    {
        var compilation = LintRuleTests.Lint("// campaignc-disable-next-line reengagement-without-holdot\n" + LintRuleTests.WithoutHoldout);

        var unknown = LintRuleTests.Single(compilation, DiagnosticCatalog.UnknownSuppressedRule.Code);
        Assert.Equal("reengagement-without-holdot", LintRuleTests.Spanned(unknown));
        Assert.Contains("reengagement-without-holdout", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(compilation.Diagnostics, d => d.Code == Holdout);
    }

    [Fact]
    public void Compiler_errors_cannot_be_silenced()
    {
        var source = "// campaignc-disable-next-line\n" + LintRuleTests.WithoutHoldout.Replace("type reengagement", "type reengagment", StringComparison.Ordinal)
            .Replace("campaign we_miss_you \"We miss you\" {\n  type", "campaign we_miss_you \"We miss you\" { type", StringComparison.Ordinal);

        Assert.True(LintRuleTests.Lint(source).HasErrors);
    }
}
