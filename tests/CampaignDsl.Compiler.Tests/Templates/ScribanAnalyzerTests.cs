using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>A Scriban template read into the analysis the template checks use: errors, names, links and SMS length.</summary>
public sealed class ScribanAnalyzerTests
{
    private static TemplateAnalysis Analyze(string text) => ScribanAnalyzer.Analyze(new SourceText("t.sbn", text));

    [Theory]
    [InlineData("a.sbn", "scriban")]
    [InlineData("a.SCRIBAN", "scriban")]
    [InlineData("a.sbn-html", "scriban-html")]
    [InlineData("a.scriban-html", "scriban-html")]
    [InlineData("a.hbs", null)]
    [InlineData("a.html", null)]
    public void Extensions_choose_the_engine(string path, string? engine) => Assert.Equal(engine, ScribanTemplates.EngineFor(path));

    [Fact]
    public void Names_are_the_member_chains_looked_up_from_outside_the_template()
    {
        var analysis = Analyze("{{ x = 3 }}{{ first_name | string.upcase }} {{ incentive.code }} {{ for item in items }}{{ item.name }}{{ end }}{{ x }}{{ date.now }}");

        Assert.Empty(analysis.Errors);
        Assert.Equal([("first_name", ReferenceRole.Output), ("incentive.code", ReferenceRole.Output), ("items", ReferenceRole.BlockContext)],
            analysis.RootReferences.Select(r => (r.Name, r.Role)));
        var code = analysis.RootReferences.Single(r => r.Name == "incentive.code");
        Assert.Equal("incentive.code", analysis.Source.Text.Substring(code.Span.Start, code.Span.Length));
    }

    [Fact]
    public void Names_inside_an_if_are_guarded_by_what_it_tests()
    {
        var analysis = Analyze("{{ if incentive }}{{ incentive.code }}{{ else }}{{ first_name }}{{ end }}");

        Assert.Equal(ReferenceRole.Condition, analysis.RootReferences.First().Role);
        Assert.True(analysis.RootReferences.Single(r => r.Name == "incentive.code").IsGuardedBy("incentive"));
        Assert.False(analysis.RootReferences.Single(r => r.Name == "first_name").IsGuardedBy("incentive"));
    }

    [Fact]
    public void A_syntax_error_has_the_span_scriban_gives()
    {
        var analysis = Analyze("line one\n{{ for }}");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(2, analysis.PositionOf(error.Span.Start).Line);
        Assert.StartsWith("Scriban cannot parse this template: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unsubscribe_link_counts_when_printed_not_when_tested()
    {
        Assert.NotNull(UnsubscribeLinkFinder.Find(Analyze("<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>")));
        Assert.NotNull(UnsubscribeLinkFinder.Find(Analyze("{{ if first_name }}<a href=\"<%asm_group_unsubscribe_raw_url%>\">x</a>{{ end }}")));
        Assert.Null(UnsubscribeLinkFinder.Find(Analyze("{{ if unsubscribe_url }}soon{{ end }}")));
    }

    [Fact]
    public void Sms_length_takes_variables_at_their_longest_and_lists_what_has_no_bound()
    {
        var estimate = SmsWorstCase.Estimate(Analyze("Hi {{ first_name }}{{ if vip }}!{{ else }}, hello{{ end }} {{ first_name | string.upcase }}{{ for i in 1..3 }}x{{ end }}"),
            TemplateVariableCatalog.Create(ContactSchema.Default));

        Assert.Equal(3 + 40 + 7 + 1 + 1, estimate.Size.Length);
        Assert.Equal([UnboundedReason.Helper, UnboundedReason.Loop], estimate.Unbounded.Select(u => u.Reason));
        Assert.Equal(["expression", "for"], estimate.Unbounded.Select(u => u.Name));
    }
}
