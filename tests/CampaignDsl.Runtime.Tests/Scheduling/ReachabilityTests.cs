using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Sending;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>A send that cannot reach its contact is an <c>unreachable</c> row with the reason, and costs no cap.</summary>
public sealed class ReachabilityTests
{
    private const string EmailAndSms = """
        campaign t {
          type reengagement
          from "Anna <anna@shop.example>"
          audience { where created_at < 2030-01-01 }
          policy { cap 1 per 1d }
          stage one {
            send sms body "Hi {{first_name}}"
            send email BODY subject "Hi {{first_name}}"
          }
          stage two after 3d { send email BODY subject "Plain" }
          stage three after 3d { send webhook body "{\"id\": \"{{id}}\"}" }
        }
        """;

    private static readonly DateTimeOffset Created = Plans.Start.AddYears(-1);

    private static Contact Contact(string? email = "c1@x.example", string? phone = null, string first = "Ann", bool subscribed = true, string id = "c1") =>
        new(id, email, phone, first, TimeZone: "UTC", Subscribed: subscribed, CreatedAt: Created);

    private static IReadOnlyList<TimelineEntry> Run(Contact contact) => Plans.Run(Plans.Compile(EmailAndSms), contact);

    private static TimelineEntry Row(IReadOnlyList<TimelineEntry> rows, string stage, string channel) =>
        Assert.Single(rows, r => r.Stage == stage && r.Channel == channel);

    [Fact]
    public void An_sms_to_a_contact_without_a_phone_number_is_unreachable_and_does_not_count_against_the_cap()
    {
        var rows = Run(Contact(phone: null));
        var sms = Row(rows, "one", "sms");
        Assert.Equal((TimelineStatus.Unreachable, "no phone number", Plans.Start), (sms.Status, sms.Reason, sms.AtUtc));
        Assert.Equal("stage.one.send.0", sms.SendId);

        // The cap allows one message a day: had the sms counted, the email would have waited a day.
        var email = Row(rows, "one", "email");
        Assert.Equal((TimelineStatus.Sent, Plans.Start, (DateTimeOffset?)null), (email.Status, email.AtUtc, email.DeferredFrom));
    }

    [Fact]
    public void With_a_phone_number_the_sms_goes_out_and_the_cap_then_holds_the_email_back()
    {
        var rows = Run(Contact(phone: "+31612345678"));
        Assert.Equal(TimelineStatus.Sent, Row(rows, "one", "sms").Status);
        Assert.Equal(Plans.Start.AddDays(1), Row(rows, "one", "email").AtUtc);
    }

    [Fact]
    public void An_email_to_a_contact_without_an_email_address_is_unreachable()
    {
        var rows = Run(Contact(email: null, phone: "+31612345678"));
        Assert.Equal((TimelineStatus.Unreachable, "no email address"), (Row(rows, "one", "email").Status, Row(rows, "one", "email").Reason));
        Assert.Equal(TimelineStatus.Unreachable, Row(rows, "two", "email").Status);
        Assert.Equal(TimelineStatus.Sent, Row(rows, "one", "sms").Status);
    }

    [Fact]
    public void A_contact_without_consent_gets_no_message_but_the_webhook_about_it_still_goes()
    {
        var rows = Run(Contact(phone: "+31612345678", subscribed: false));
        Assert.All(rows.Where(r => r.Channel is "email" or "sms"), r => Assert.Equal((TimelineStatus.Unreachable, SubscribedConsent.NotSubscribed), (r.Status, r.Reason)));
        Assert.Equal(TimelineStatus.Sent, Row(rows, "three", "webhook").Status);
    }

    [Fact]
    public void A_line_break_in_a_value_the_subject_fills_in_refuses_that_email_only()
    {
        var rows = Run(Contact(first: "Ann\r\nBcc: all@shop.example"));
        var first = Row(rows, "one", "email");
        Assert.Equal(TimelineStatus.Unreachable, first.Status);
        Assert.Equal("header refused: the subject holds a carriage return (CR) once the contact's values are filled in", first.Reason);

        // Stage two's subject does not use the name, so its header is safe; an sms body is no header.
        Assert.Equal(TimelineStatus.Sent, Row(rows, "two", "email").Status);
    }

    [Theory]
    [InlineData("c1@x.example\nBcc: all@shop.example", "header refused: the email address holds a line feed (LF)")]
    [InlineData("not an address", "the email address does not parse as one (name@domain)")]
    [InlineData("   ", "no email address")]
    public void An_email_address_no_header_can_carry_is_unreachable(string email, string reason)
    {
        var rows = Run(Contact(email: email));
        Assert.All(rows.Where(r => r.Channel == "email"), r => Assert.Equal((TimelineStatus.Unreachable, reason), (r.Status, r.Reason)));
    }

    [Fact]
    public void A_control_group_contact_that_could_not_be_reached_is_unreachable_rather_than_held_out()
    {
        var plan = Plans.Compile(EmailAndSms.Replace("cap 1 per 1d", "holdout 50%", StringComparison.Ordinal));
        var control = Enumerable.Range(1, 100).Select(i => $"c{i}").First(new ScheduledCampaign(plan).IsControl);
        var rows = Plans.Run(plan, Contact(phone: null, id: control));
        Assert.Equal(TimelineStatus.Unreachable, Row(rows, "one", "sms").Status);
        Assert.Equal(TimelineStatus.Holdout, Row(rows, "one", "email").Status);
    }

    /// <summary>
    /// The property that keeps simulate and run together: over thousands of generated contacts (missing addresses, no
    /// consent, control characters anywhere), a send is <c>sent</c> exactly when the message run would build for it
    /// passes every check a sender makes, and <c>unreachable</c> exactly when it would not.
    /// </summary>
    [Fact]
    public void A_send_is_unreachable_exactly_when_the_senders_would_refuse_its_message()
    {
        var plan = Plans.Compile(EmailAndSms.Replace("""subject "Plain" """, """{ subject "Plain" weight 50 subject "{{last_name}}?" weight 50 } """, StringComparison.Ordinal));
        var scheduler = new ContactScheduler([new ScheduledCampaign(plan)], SimulationPeriod.FromDays(Plans.Start, 30));
        var renderer = MessageRenderer.CreateDefault();
        var random = new Random(42);
        string[] breakers = ["\r", "\n", "\0", "\u0085", "\u2028", "\u0007", "\t"];
        string? Maybe(string value, double missing) =>
            random.NextDouble() < missing ? null : random.NextDouble() < 0.1 ? value.Insert(random.Next(value.Length + 1), breakers[random.Next(breakers.Length)]) : value;
        var (sent, unreachable) = (0, 0);
        for (var i = 0; i < 3_000; i++)
        {
            var id = $"c{i:D5}";
            var contact = new Contact(id, Maybe($"{id}@x.example", 0.1), Maybe("+31612345678", 0.3), Maybe("Ann", 0), Maybe("Lee", 0.2),
                TimeZone: "UTC", Subscribed: random.NextDouble() < 0.9, CreatedAt: Created);
            foreach (var row in scheduler.Run(new ContactHistory(contact, [])).Where(r => r.Channel is not null))
            {
                var stage = plan.Stages.Single(s => s.Name == row.Stage);
                var send = stage.Actions.Sends.Single(s => s.Id == row.SendId);
                var rendered = renderer.Render(new MessageContext(plan, stage, send, contact, row.AtUtc, MessageLinks.Default, plan.Campaign.Name), null);
                var message = new OutgoingMessage("k1", plan.Campaign.Name, "v1", stage.Name, id, send.Channel, send.From ?? plan.Campaign.From ?? "",
                    Reachability.AddressOf(contact, send.Channel) ?? "", rendered.Subjects.SingleOrDefault(x => x.Id == row.SubjectVariant)?.Text, rendered.Body, null,
                    UnsubscribeUrl: MessageLinks.Default.Unsubscribe(plan.Campaign.Name, id));
                var refused = string.IsNullOrWhiteSpace(message.To)
                    || (!contact.Subscribed && send.Channel != "webhook")
                    || (send.Channel == "email" ? EmailComposer.Compose(message, row.AtUtc).Problem : MessageSafety.Problem(message)) is not null;
                Assert.True(refused == (row.Status == TimelineStatus.Unreachable), $"{id} {row.Stage} {send.Channel}: {row.Status} ({row.Reason}), yet the senders {(refused ? "refuse" : "take")} it");
                sent += row.Status == TimelineStatus.Sent ? 1 : 0;
                unreachable += refused ? 1 : 0;
            }
        }

        Assert.True(sent > 3_000 && unreachable > 1_000, $"{sent} sent, {unreachable} unreachable");
    }

    [Fact]
    public void Push_and_webhook_messages_are_addressed_by_the_contact_id()
    {
        var contact = Contact(email: null, phone: null);
        Assert.Equal("c1", Reachability.AddressOf(contact, "push"));
        Assert.Equal("c1", Reachability.AddressOf(contact, "webhook"));
        Assert.Null(Reachability.AddressOf(contact, "sms"));
    }
}
