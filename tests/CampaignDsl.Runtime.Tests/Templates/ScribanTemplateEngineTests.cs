using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Tests.Templates;

public sealed class ScribanTemplateEngineTests
{
    private static readonly DateTimeOffset SendTime = new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly Contact Anna = new("C1", "anna@example.com", FirstName: "Anna", TimeZone: "Europe/Amsterdam", Locale: "nl-NL", Subscribed: true)
    {
        Attributes = DataValues.None.Add("vip", DataValue.Boolean(true)),
    };

    private static MessageContext Context(string templatePath, string? engine, Contact contact)
    {
        var send = new PlanSend("stage.offer.send.0", "email", new PlanTemplate(templatePath, engine ?? "", new string('0', 64)), null,
            [new("s0", "Hello", 100)], null, null, "back20");
        var incentive = new PlanIncentive("incentive.back20", "back20", "20% off", ["back20"],
            [new("p.discount", "discount", new PercentLiteral("v", 20))],
            "BACK-{code:6}", new PlanExpiry("e", PlanExpiry.Relative, 72 * 3600, "send", null, null));
        var stage = new PlanStage("stage.offer", "offer", 0, new PlanTiming(null, 0, 0, PlanTiming.Entry, null), null, [], new PlanActions([send], [], null, []));
        var plan = new CampaignPlan("1.0", "test", "a.campaign",
            new PlanCampaign("campaign", "we_miss_you", "We miss you", "reengagement", null, null, "Anna from Shop <anna@shop.example>", null, "Europe/Amsterdam", []),
            null!, [], [incentive], null!, [stage], null!);
        return new MessageContext(plan, stage, send, contact, SendTime, new MessageLinks("https://l.shop.example/"), "secret");
    }

    private static RenderedMessage Render(string path, string? engine, string text, Contact? contact = null) =>
        MessageRenderer.CreateDefault().Render(Context(path, engine, contact ?? Anna), text);

    [Fact]
    public void Renders_the_same_text_as_the_equivalent_handlebars_template()
    {
        var handlebars = Render("offer.hbs", "handlebars",
            "Hi {{first_name}}, use {{incentive.code}} for {{incentive.discount}} off before {{incentive.expires_at}}.{{#if vip}} VIP{{/if}}\n<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>");
        var scriban = Render("offer.sbn-html", "scriban-html",
            "Hi {{ first_name }}, use {{ incentive.code }} for {{ incentive.discount }} off before {{ incentive.expires_at }}.{{ if vip }} VIP{{ end }}\n<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>");

        Assert.True(handlebars.Succeeded, string.Join("; ", handlebars.Problems));
        Assert.True(scriban.Succeeded, string.Join("; ", scriban.Problems));
        Assert.Matches("^Hi Anna, use BACK-[A-HJ-NP-Z2-9]{6} for 20% off before 30-03-2026 11:00\\. VIP\n<a href=\"https://l\\.shop\\.example/u/[0-9a-f]{32}\">Unsubscribe</a>$", scriban.Body);
        Assert.Equal(handlebars.Body, scriban.Body);
    }

    [Fact]
    public void Html_templates_escape_contact_data_and_text_templates_do_not()
    {
        var mallory = Anna with { FirstName = "<script>alert('x')</script>" };

        var html = Render("hi.sbn-html", null, "<p>Hi {{ first_name }}</p>", mallory);
        var text = Render("hi.sbn", null, "Hi {{ first_name }}", mallory);

        Assert.Equal("<p>Hi &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</p>", html.Body);
        Assert.Equal("Hi <script>alert('x')</script>", text.Body);
    }

    [Fact]
    public void The_engine_is_chosen_by_extension_when_the_plan_names_none()
    {
        var engines = TemplateEngines.BuiltIn;
        Assert.Same(ScribanTemplateEngine.Text, engines.FindForPath("a/offer.sbn"));
        Assert.Same(ScribanTemplateEngine.Text, engines.FindForPath("offer.SCRIBAN"));
        Assert.Same(ScribanTemplateEngine.Html, engines.FindForPath("offer.sbn-html"));
        Assert.Same(ScribanTemplateEngine.Html, engines.Find("offer.sbn", "scriban-html"));
        Assert.IsType<HandlebarsTemplateEngine>(engines.FindForPath("offer.hbs"));
    }

    [Fact]
    public void The_runtime_and_the_compiler_agree_on_the_extensions()
    {
        Assert.Equal(ScribanTemplates.TextExtensions, ScribanTemplateEngine.Text.Extensions);
        Assert.Equal(ScribanTemplates.HtmlExtensions, ScribanTemplateEngine.Html.Extensions);
        Assert.Equal((ScribanTemplates.TextEngine, ScribanTemplates.HtmlEngine), (ScribanTemplateEngine.Text.Name, ScribanTemplateEngine.Html.Name));
    }

    [Fact]
    public void An_include_is_refused()
    {
        var message = Render("a.sbn", "scriban", "before {{ include 'secrets.txt' }} after");

        var problem = Assert.Single(message.Problems);
        Assert.StartsWith("template a.sbn: ", problem, StringComparison.Ordinal);
        Assert.Contains("TemplateLoader", problem, StringComparison.Ordinal);
        Assert.Null(message.Body);
    }

    [Fact]
    public void An_endless_loop_stops_at_the_loop_limit()
    {
        var message = Render("a.sbn", "scriban", "{{ while true }}x{{ end }}");

        var problem = Assert.Single(message.Problems);
        Assert.Contains("loop", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ScribanTemplateEngine.LoopLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_recursion_stops_at_the_recursion_limit()
    {
        var message = Render("a.sbn", "scriban", "{{ func f; f; end; f }}");

        var problem = Assert.Single(message.Problems);
        Assert.Contains("recursi", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_template_scriban_refuses_is_a_problem_with_its_position()
    {
        var message = Render("a.sbn", "scriban", "line one\n{{ if }}");

        var problem = Assert.Single(message.Problems);
        Assert.StartsWith("template a.sbn: line 2, column ", problem, StringComparison.Ordinal);
    }
}
