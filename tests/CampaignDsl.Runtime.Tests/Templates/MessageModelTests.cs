using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Tests.Templates;

public sealed class MessageModelTests
{
    private static readonly DateTimeOffset SendTime = new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero);

    private static MessageContext Context(PlanSend send, Contact contact, PlanExpiry? expiry = null)
    {
        var incentive = new PlanIncentive("incentive.back20", "back20", "20% off", ["back20"],
            [new("p.discount", "discount", new PercentLiteral("v", 20)), new("p.credit", "credit", new MoneyLiteral("m", 10, "EUR")), new("p.fs", "free_shipping", null)],
            "BACK-{code:6}", expiry ?? new PlanExpiry("e", PlanExpiry.Relative, 72 * 3600, "send", null, null));
        var stage = new PlanStage("stage.offer", "offer", 0, new PlanTiming(null, 0, 0, PlanTiming.Entry, null), null, [], new PlanActions([send], [], null, []));
        var plan = new CampaignPlan("1.0", "test", "a.campaign",
            new PlanCampaign("campaign", "we_miss_you", "We miss you", "reengagement", null, null, "Anna from Shop <anna@shop.example>", null, "Europe/Amsterdam", []),
            null!, [], [incentive], null!, [stage], null!);
        return new MessageContext(plan, stage, send, contact, SendTime, new MessageLinks("https://l.shop.example/"), "secret");
    }

    private static PlanSend Send(string? incentive = "back20", string? body = null) =>
        new("stage.offer.send.0", "email", null, body, [new("s0", "{{first_name}}, {{incentive.discount}} off", 100)], "Until {{incentive.expires_at}}", null, incentive);

    private static readonly Contact Anna = new("C1", "anna@example.com", FirstName: "Anna", TimeZone: "Europe/Amsterdam", Locale: "nl-NL", Subscribed: true)
    {
        Attributes = DataValues.None.Add("vip", DataValue.Boolean(true)).Add("lifetime_value", DataValue.Number(98.11m)),
    };

    [Fact]
    public void Supplies_the_variables_the_compiler_allows()
    {
        var model = MessageModel.Build(Context(Send(), Anna), out var problems);
        Assert.Empty(problems);
        Assert.Equal("Anna", model["first_name"]);
        Assert.Equal(true, model["vip"]);
        Assert.Equal(98.11m, model["lifetime_value"]);
        var incentive = Assert.IsType<Dictionary<string, object?>>(model["incentive"]);
        Assert.Equal("20%", incentive["discount"]);
        Assert.Equal("EUR 10.00", incentive["credit"]);
        Assert.Equal(true, incentive["free_shipping"]);
        Assert.Equal("20% off", incentive["title"]);
        Assert.Matches("^BACK-[A-HJ-NP-Z2-9]{6}$", (string)incentive["code"]!);
        // 72 hours after 09:00 UTC on 27 March 2026 is 30 March 09:00 UTC: 11:00 in Amsterdam, after the switch to summer time.
        Assert.Equal("30-03-2026 11:00", incentive["expires_at"]);
        Assert.Equal("we_miss_you", ((Dictionary<string, object?>)model["campaign"]!)["name"]);
        Assert.Equal("offer", ((Dictionary<string, object?>)model["stage"]!)["name"]);
        Assert.Equal("Anna from Shop", ((Dictionary<string, object?>)model["sender"]!)["name"]);
        Assert.Equal("anna@shop.example", ((Dictionary<string, object?>)model["sender"]!)["email"]);
        Assert.StartsWith("https://l.shop.example/u/", (string)model["unsubscribe_url"]!);
        Assert.StartsWith("https://l.shop.example/p/", (string)model["preferences_url"]!);
        Assert.StartsWith("https://l.shop.example/v/", (string)model["view_in_browser_url"]!);
        Assert.All(["unsubscribe_url", "preferences_url", "view_in_browser_url"], name => Assert.True(((string)model[name]!).Length <= 100));
    }

    [Fact]
    public void Without_an_incentive_there_is_no_incentive_object()
    {
        var model = MessageModel.Build(Context(Send(incentive: null), Anna), out _);
        Assert.False(model.ContainsKey("incentive"));
    }

    [Fact]
    public void Codes_are_deterministic_per_contact_and_differ_between_contacts()
    {
        string Code(string id) => IncentiveCodes.Generate("WB-{code:6}-{digits:2}{letters:2}", "c", "i", id, "s", out _)!;
        Assert.Equal(Code("C1"), Code("C1"));
        Assert.NotEqual(Code("C1"), Code("C2"));
        Assert.Matches("^WB-[A-Z2-9]{6}-[0-9]{2}[A-Z]{2}$", Code("C1"));
        Assert.Null(IncentiveCodes.Generate("WB-{code}", "c", "i", "C1", "s", out var problem));
        Assert.Contains("{code}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "12/31/2026 11:59 PM")]
    [InlineData("en-GB", "31/12/2026 23:59")]
    [InlineData("de_DE", "31.12.2026 23:59")]
    [InlineData("xx", "2026-12-31 23:59")]
    [InlineData(null, "2026-12-31 23:59")]
    public void Dates_follow_the_locale(string? locale, string expected) =>
        Assert.Equal(expected, LocaleFormats.Format(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero), locale));

    [Fact]
    public void An_absolute_expiry_is_in_the_contacts_zone_and_ends_the_day_without_a_time()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var problems = new List<string>();
        var at = MessageModel.ExpiresAt(new PlanExpiry("e", PlanExpiry.Absolute, null, null, "2026-12-31", null), SendTime, newYork, problems);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5)), at);
        Assert.Empty(problems);
    }

    [Fact]
    public void An_unknown_zone_is_a_problem()
    {
        MessageModel.Build(Context(Send(), Anna with { TimeZone = "Mars/Olympus" }), out var problems);
        Assert.Contains(problems, p => p.Contains("Mars/Olympus", StringComparison.Ordinal));
    }

    [Fact]
    public void The_renderer_renders_subject_preheader_and_inline_body()
    {
        var message = MessageRenderer.CreateDefault().Render(Context(Send(body: "Hi {{first_name}} <{{incentive.code}}> {{{unsubscribe_url}}}"), Anna), null);
        Assert.True(message.Succeeded, string.Join("; ", message.Problems));
        Assert.Equal("Anna, 20% off", Assert.Single(message.Subjects).Text);
        Assert.Equal("Until 30-03-2026 11:00", message.Preheader);
        Assert.Matches("^Hi Anna <BACK-[A-Z2-9]{6}> https://l\\.shop\\.example/u/[0-9a-f]{32}$", message.Body);
    }

    [Fact]
    public void A_broken_subject_is_reported_with_its_id()
    {
        var send = Send() with { Subjects = [new("s.bad", "{{#if x}}", 100)] };
        var message = MessageRenderer.CreateDefault().Render(Context(send, Anna), null);
        Assert.False(message.Succeeded);
        Assert.Contains(message.Problems, p => p.StartsWith("subject s.bad:", StringComparison.Ordinal));
    }

    [Fact]
    public void Link_bases_are_checked()
    {
        Assert.Null(MessageLinks.Check("https://l.shop.example"));
        Assert.NotNull(MessageLinks.Check("ftp://x"));
        Assert.NotNull(MessageLinks.Check("https://" + new string('a', 60) + ".example"));
    }
}
