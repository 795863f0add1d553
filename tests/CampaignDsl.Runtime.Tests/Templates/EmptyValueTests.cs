using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Templates;

/// <summary>
/// A message that would print an incentive value the contact does not have ("your unused code: . It's valid until ,")
/// is not sent: rendering reports a problem, which `run` records as the send's failure and simulate and preview show.
/// </summary>
public sealed class EmptyValueTests
{
    private const string Reminder = "<p>Your unused code: {{incentive.code}}. It's valid until {{incentive.expires_at}}.</p>";

    private static readonly Contact Anna = new("C1", "anna@example.com", FirstName: "Anna", TimeZone: "Europe/Amsterdam", Locale: "nl-NL", Subscribed: true);

    private static RenderedMessage Render(string? incentive, string? template, string? body = null, string engine = "handlebars", string path = "templates/reminder.hbs")
    {
        PlanIncentive[] incentives =
        [
            new("incentive.unused_coupon", "unused_coupon", "Your code is waiting", ["unused_coupon"], [new("p.cr", "coupon_reminder", null)], null, null),
            new("incentive.back20", "back20", "20% off", ["back20"], [new("p.d", "discount", new PercentLiteral("v", 20))], "BACK-{code:6}",
                new PlanExpiry("e", PlanExpiry.Relative, 72 * 3600, "send", null, null)),
        ];
        var send = new PlanSend("stage.reminder.send.0", "email", template is null ? null : new PlanTemplate(path, engine, "0"), body,
            [new("s0", "Hello {{first_name}}", 100)], null, null, incentive);
        var stage = new PlanStage("stage.reminder", "reminder", 0, new PlanTiming(null, 0, 0, PlanTiming.Entry, null), null, [], new PlanActions([send], [], null, []));
        var plan = new CampaignPlan("1.0", "test", "a.campaign",
            new PlanCampaign("campaign", "nurture", "Nurture", "nurture", null, null, "Anna from Shop <anna@shop.example>", null, "Europe/Amsterdam", []),
            null!, [], [.. incentives], null!, [stage], null!);
        var context = new MessageContext(plan, stage, send, Anna, new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero), new MessageLinks("https://l.shop.example/"), "secret");
        return MessageRenderer.CreateDefault().Render(context, template);
    }

    [Fact]
    public void A_reminder_of_a_code_the_incentive_does_not_have_is_not_sent()
    {
        var message = Render("unused_coupon", Reminder);
        Assert.False(message.Succeeded);
        Assert.Contains(message.Problems, p => p.Contains("{{incentive.code}}", StringComparison.Ordinal) && p.Contains("unused_coupon", StringComparison.Ordinal));
        Assert.Contains(message.Problems, p => p.Contains("{{incentive.expires_at}}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_template_with_an_incentive_that_has_a_code_and_an_expiry_is_sent()
    {
        var message = Render("back20", Reminder);
        Assert.True(message.Succeeded, string.Join("; ", message.Problems));
        Assert.Matches("Your unused code: BACK-[A-Z2-9]{6}\\. It's valid until 30-03-2026", message.Body);
    }

    [Fact]
    public void A_value_shown_only_when_present_is_not_a_problem()
    {
        var guarded = "<p>Hi {{first_name}}{{#if incentive.code}}, your code: {{incentive.code}}{{/if}}.</p>";
        Assert.True(Render("unused_coupon", guarded).Succeeded);
        Assert.True(Render(null, "<p>Hi{{#if incentive}}, {{incentive.title}} ({{incentive.code}}){{/if}}.</p>").Succeeded);
    }

    [Fact]
    public void An_inline_body_and_a_scriban_template_are_probed_alike()
    {
        var inline = Render(null, null, body: "Your code: {{incentive.code}}");
        Assert.Contains(inline.Problems, p => p.StartsWith("body of stage.reminder.send.0: shows {{incentive.code}}", StringComparison.Ordinal));

        var scriban = Render("unused_coupon", "Your code: {{ incentive.code }}.", engine: "scriban", path: "templates/reminder.sbn");
        Assert.Contains(scriban.Problems, p => p.StartsWith("template templates/reminder.sbn: shows {{incentive.code}}", StringComparison.Ordinal));
    }
}

/// <summary>The nurture example's coupon reminder, which once went out as "your unused code: . It's valid until ,".</summary>
public sealed class NurtureReminderTests
{
    [Fact]
    public void The_nurture_reminder_shows_the_code_its_welcome_gave()
    {
        var plan = ExampleProject.Plans().Single(p => p.Campaign.Name == "nurture_returners");
        var contact = new Contact("C1", "anna@example.com", FirstName: "Anna", TimeZone: "Europe/Amsterdam", Locale: "en-GB", Subscribed: true);
        string Body(string stageName)
        {
            var stage = plan.Stages.Single(s => s.Name == stageName);
            var send = stage.Actions.Sends.Single();
            var text = File.ReadAllText(RepositoryPaths.InRepo("examples", "nurture", send.Template!.Path));
            var message = MessageRenderer.CreateDefault().Render(
                new MessageContext(plan, stage, send, contact, new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero), MessageLinks.Default, "secret"), text);
            Assert.True(message.Succeeded, string.Join("; ", message.Problems));
            return message.Body!;
        }

        var code = System.Text.RegularExpressions.Regex.Match(Body("welcome_back"), "HELLO-[A-Z2-9]{6}").Value;
        Assert.NotEmpty(code);
        Assert.Contains($"<strong>{code}</strong>", Body("coupon_reminder"), StringComparison.Ordinal);
    }
}
