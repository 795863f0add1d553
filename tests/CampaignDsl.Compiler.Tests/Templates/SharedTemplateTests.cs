using System.Text.Json;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Compiler.Text;
using HandlebarsDotNet;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>
/// The analysis on the real SendGrid and Postmark templates in ../shared/data/templates (read in
/// place, not copied): no syntax errors, the names they use, where, and their unsubscribe links.
/// </summary>
public sealed class SharedTemplateTests
{
    private static readonly string TemplatesRoot = Path.Combine(RepositoryPaths.Shared, "data", "templates");

    public static TheoryData<string> AllTemplates
    {
        get
        {
            var files = Directory.GetFiles(TemplatesRoot, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(TemplatesRoot, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.True(files.Count >= 13, $"expected the 5 SendGrid and 8 Postmark templates under {TemplatesRoot}, found {files.Count}");
            return [.. files];
        }
    }

    private static TemplateAnalysis Analyze(string relativePath) =>
        TemplateAnalyzer.Analyze(relativePath, File.ReadAllText(Path.Combine(TemplatesRoot, relativePath)));

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Has_no_syntax_errors_for_the_scanner_nor_for_Handlebars_Net(string template)
    {
        var analysis = Analyze(template);

        Assert.Empty(analysis.Errors);
        Assert.NotEmpty(analysis.References);
        Assert.All(analysis.References, r => Assert.Equal(r.Path.Written, analysis.Source.Text.Substring(r.Path.Span.Start, r.Path.Span.Length)));
    }

    [Theory]
    [InlineData("sendgrid/receipt/receipt.html")]
    [InlineData("sendgrid/special-sale/special_sale.html")]
    [InlineData("sendgrid/different-languages/different_languages.html")]
    [InlineData("sendgrid/newsletter/news_feed.html")]
    [InlineData("sendgrid/transactional-actions/call_to_action.html")]
    public void Every_root_name_a_SendGrid_template_uses_is_in_its_sample_data(string template)
    {
        var folder = Path.GetDirectoryName(Path.Combine(TemplatesRoot, template))!;
        var keys = Directory.GetFiles(folder, "*.json")
            .SelectMany(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.EnumerateObject().Select(p => p.Name))
            .ToHashSet(StringComparer.Ordinal);

        var roots = Analyze(template).RootReferences.Select(r => r.Path.Parts[0]).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(roots);
        Assert.Subset(keys, roots);
    }

    [Fact]
    public void Receipt_names_blocks_and_positions()
    {
        var analysis = Analyze("sendgrid/receipt/receipt.html");

        Assert.Equal(
            ["address01", "address02", "city", "items", "name", "receipt", "state", "total", "zip"],
            analysis.RootReferences.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["image", "price", "text"], analysis.References.Where(r => r.IsScoped).Select(r => r.Name).Order(StringComparer.Ordinal));

        var condition = Assert.Single(analysis.References, r => r.Name == "receipt");
        Assert.Equal(ReferenceRole.Condition, condition.Role);
        Assert.Equal(new LinePosition(147, 9), analysis.PositionOf(condition.Span.Start));

        var block = Assert.Single(analysis.Nodes.OfType<BlockNode>());
        Assert.Equal(BlockKind.If, block.Kind);
        Assert.Equal(new LinePosition(147, 3), analysis.PositionOf(block.OpenTag.Start));
        Assert.Equal(new LinePosition(229, 10), analysis.PositionOf(block.Span.End));
        var each = Assert.Single(block.Program.Children.OfType<BlockNode>());
        Assert.Equal(BlockKind.Each, each.Kind);
        Assert.Equal(new LinePosition(166, 5), analysis.PositionOf(each.OpenTag.Start));
        Assert.True(Assert.Single(analysis.References, r => r.Name == "total").IsGuardedBy("receipt"));

        Assert.Equal(new LinePosition(255, 58), analysis.PositionOf(Assert.Single(analysis.References, r => r.Name == "city").Span.Start));
    }

    [Fact]
    public void Special_sale_nests_an_if_chain_in_an_each()
    {
        var analysis = Analyze("sendgrid/special-sale/special_sale.html");

        var root = Assert.Single(analysis.RootReferences);
        Assert.Equal("user.w_deal", root.Name);
        Assert.Equal(ReferenceRole.BlockContext, root.Role);
        Assert.All(analysis.References.Where(r => r != root), r => Assert.True(r.IsScoped, r.Name));
        Assert.Contains(analysis.References, r => r.Name == "deal03" && r.Role == ReferenceRole.Condition);

        var each = Assert.Single(analysis.Nodes.OfType<BlockNode>());
        var chain = Assert.Single(each.Program.Children.OfType<BlockNode>());
        var elseIf = Assert.Single(chain.Inverse!.Children.OfType<BlockNode>());
        Assert.Single(elseIf.Inverse!.Children.OfType<BlockNode>());
    }

    [Fact]
    public void Newsletter_names_inside_each_are_scoped()
    {
        var analysis = Analyze("sendgrid/newsletter/news_feed.html");

        Assert.Equal("news", Assert.Single(analysis.RootReferences).Name);
        Assert.Equal(["article", "c2a_button", "c2a_link", "image", "text"],
            analysis.References.Where(r => r.IsScoped).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Postmark_templates_use_spaced_tags_and_each()
    {
        var analysis = Analyze("postmark/receipt/content.txt");

        Assert.Contains(analysis.RootReferences, r => r.Name == "purchase_date");
        Assert.Contains(analysis.RootReferences, r => r.Name == "billing_url");
        Assert.Equal(["amount", "description"], analysis.References.Where(r => r.IsScoped).Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(new LinePosition(1, 50), analysis.PositionOf(Assert.Single(analysis.References, r => r.Name == "purchase_date").Span.Start));
    }

    [Theory]
    [InlineData("sendgrid/receipt/receipt.html")]
    [InlineData("sendgrid/special-sale/special_sale.html")]
    [InlineData("sendgrid/different-languages/different_languages.html")]
    [InlineData("sendgrid/newsletter/news_feed.html")]
    [InlineData("sendgrid/transactional-actions/call_to_action.html")]
    public void SendGrid_templates_have_an_unsubscribe_link(string template)
    {
        var analysis = Analyze(template);

        var link = UnsubscribeLinkFinder.Find(analysis);

        Assert.NotNull(link);
        Assert.Equal("<%asm_global_unsubscribe_raw_url%>", analysis.Source.Text.Substring(link.Value.Start, link.Value.Length));
    }

    [Theory]
    [InlineData("postmark/welcome/content.html")]
    [InlineData("postmark/receipt/content.txt")]
    [InlineData("postmark/dunning/content.html")]
    [InlineData("postmark/trial-expiring/content.txt")]
    public void Postmark_transactional_templates_have_none(string template) =>
        Assert.Null(UnsubscribeLinkFinder.Find(Analyze(template)));

    [Fact]
    public void Handlebars_Net_renders_what_the_analysis_read_as_text_and_names()
    {
        // The receipt rendered with its sample data holds every root value the analysis found printed.
        const string template = "sendgrid/receipt/receipt.html";
        var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(TemplatesRoot, "sendgrid/receipt/receipt_data.json"))).RootElement;
        var rendered = Handlebars.Create().Compile(File.ReadAllText(Path.Combine(TemplatesRoot, template)))(data);

        foreach (var reference in Analyze(template).RootReferences.Where(r => r.Role == ReferenceRole.Output))
        {
            Assert.Contains(data.GetProperty(reference.Name).GetString()!, rendered, StringComparison.Ordinal);
        }
    }
}
