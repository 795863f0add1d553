using System.Text.Json;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary>
/// A campaign whose templates are Scriban (<c>.sbn-html</c>, <c>.sbn</c>): <c>validate</c> reports Scriban syntax
/// errors and unknown names at the template's own line and column, the plan records the engine, and
/// <c>preview</c> and <c>simulate --report</c> render it for real contacts, contact data escaped in HTML.
/// </summary>
public sealed class ScribanTemplateTests
{
    private const string Campaign = """
        campaign scriban_offer "Scriban offer" {
          type welcome
          audience { where subscribed }

          incentive first_order_shipping "Free shipping on your first order" {
            free_shipping
            code "HELLO-{code:6}"
            expires 7d after send
          }

          stage hello {
            send email "templates/offer.sbn-html" subject "Hello {{first_name}}" incentive first_order_shipping
          }
        }

        """;

    private const string Offer = """
        <p>Hi {{ first_name }},</p>
        {{ if incentive }}<p>Use <strong>{{ incentive.code }}</strong> until {{ incentive.expires_at }}.</p>{{ end }}
        {{ for i in 1..2 }}<i>{{ i }}</i>{{ end }}
        <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>

        """;

    private const string Contacts = """
        id,email,first_name,last_name,timezone,locale,subscribed,created_at
        C1,anna@example.com,<b>Anna</b>,Taylor,Europe/London,en-GB,true,2026-01-02T09:00:00Z
        C2,finn@example.com,Finn,Jones,Europe/Amsterdam,nl-NL,true,2026-01-03T09:00:00Z

        """;

    private static TempFolder Project(string template = Offer)
    {
        var temp = new TempFolder();
        temp.Write("campaigns/offer.campaign", Campaign);
        temp.Write("campaigns/templates/offer.sbn-html", template);
        temp.Write("contacts.csv", Contacts);
        return temp;
    }

    [Fact]
    public async Task Validate_accepts_the_template_and_compile_records_the_engine()
    {
        using var temp = Project();

        var validate = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "json");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Empty(JsonReport.Parse(validate.Stdout).Diagnostics);

        var compile = await Cli.RunChildAsync(temp.Path, "compile", "campaigns/offer.campaign", "-o", "offer.plan.json");
        Assert.True(compile.ExitCode == 0, compile.ToString());
        var json = File.ReadAllText(temp.Combine("offer.plan.json"));
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(RepositoryPaths.InRepo("docs", "plan.schema.json"));
        Assert.Empty(schema.Validate(json));
        using var plan = JsonDocument.Parse(json);
        var template = plan.RootElement.GetProperty("stages")[0].GetProperty("actions").GetProperty("sends")[0].GetProperty("template");
        Assert.Equal("scriban-html", template.GetProperty("engine").GetString());
    }

    [Fact]
    public async Task A_syntax_error_is_reported_at_the_templates_line_and_column()
    {
        // The `if` on line 2 has no condition; Scriban stops at column 7.
        using var temp = Project("<p>Hi {{ first_name }}</p>\n<p>{{ if }}x{{ end }}</p>\n<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>\n");

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        var d = Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics);
        Assert.Equal(("CDSL0062", "campaigns/templates/offer.sbn-html", 2), (d.Code, d.Path, d.Line));
        Assert.InRange(d.Column, 4, 12);
    }

    [Fact]
    public async Task An_unknown_variable_is_reported_where_it_stands()
    {
        // `frist_name` is at line 1, columns 10..20; `i` and `string` are the template's own and Scriban's.
        using var temp = Project("<p>Hi {{ frist_name }} {{ for i in 1..2 }}{{ i }}{{ end }}{{ first_name | string.upcase }}</p>\n<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>\n");

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "json");

        var d = Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics);
        Assert.Equal(("CDSL0063", "campaigns/templates/offer.sbn-html", 1, 10, 1, 20), (d.Code, d.Path, d.Line, d.Column, d.EndLine, d.EndColumn));
        Assert.Contains("first_name", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marketing_email_without_an_unsubscribe_link_is_reported()
    {
        using var temp = Project("<p>Hi {{ first_name }}</p>\n{{ if unsubscribe_url }}<p>soon</p>{{ end }}\n");

        var result = await Cli.RunChildAsync(temp.Path, "validate", "campaigns", "--format", "json");

        // Only tested, never printed: `if unsubscribe_url` is no link.
        var d = Assert.Single(JsonReport.Parse(result.Stdout).Diagnostics);
        Assert.Equal(("CDSL0065", "campaigns/offer.campaign"), (d.Code, d.Path));
    }

    [Fact]
    public async Task Preview_renders_the_template_with_contact_data_escaped()
    {
        using var temp = Project();

        var result = await Cli.RunChildAsync(temp.Path, "preview", "campaigns/offer.campaign", "--stage", "hello", "--contact", "C1",
            "--data", "contacts.csv", "--at", "2026-03-01T09:00:00Z", "--links-base", "https://l.shop.example");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<p>Hi &lt;b&gt;Anna&lt;/b&gt;,</p>", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("Use <strong>HELLO-[A-Z0-9]{6}</strong> until 08/03/2026 09:00\\.", result.Stdout);
        Assert.Contains("<i>1</i><i>2</i>", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("<a href=\"https://l\\.shop\\.example/u/[0-9a-f]{32}\">Unsubscribe</a>", result.Stdout);
    }

    [Fact]
    public async Task Simulate_report_shows_a_rendered_sample()
    {
        using var temp = Project();
        var report = temp.Combine("report.html");

        var result = await Cli.RunChildAsync(temp.Path, "simulate", "campaigns/offer.campaign", "--data", "contacts.csv",
            "--start", "2026-01-05", "--days", "7", "--report", report);

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(report);
        Assert.Contains("data-campaign=\"scriban_offer\" data-stage=\"hello\"", html, StringComparison.Ordinal);
        // The body sits escaped in an iframe's srcdoc: `<b>` from the contact data is escaped once more than the markup.
        Assert.Contains("srcdoc=\"&lt;p&gt;Hi &amp;lt;b&amp;gt;Anna&amp;lt;/b&amp;gt;,&lt;/p&gt;", html, StringComparison.Ordinal);
        Assert.Matches("Use &lt;strong&gt;HELLO-[A-Z0-9]{6}&lt;/strong&gt;", html);
        Assert.DoesNotContain("class=\"problem\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{ first_name }}", html, StringComparison.Ordinal);
    }
}
