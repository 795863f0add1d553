using System.Text.Json;
using CampaignDsl.Runtime.Sending;
using MimeKit;

namespace CampaignDsl.Runtime.Tests.Sending;

public sealed class FileSenderTests
{
    [Fact]
    public async Task A_written_eml_parses_back_with_its_headers_and_both_bodies()
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Combine("outbox"), new FakeSendClock());
        var message = Messages.Email();

        var outcome = await sender.SendAsync(message);

        var delivered = Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal(message.IdempotencyKey + ".eml", delivered.ProviderId);
        var bytes = await File.ReadAllBytesAsync(sender.PathOf(message.IdempotencyKey));
        Assert.Contains("\r\n", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        var parsed = MimeMessage.Load(new MemoryStream(bytes));
        Assert.Equal(message.IdempotencyKey + "@shop.example", parsed.MessageId);
        Assert.Equal("We miss you, Ada", parsed.Subject);
        Assert.Equal("news@shop.example", parsed.From.Mailboxes.Single().Address);
        Assert.Equal("Ada Lovelace", parsed.To.Mailboxes.Single().Name);
        Assert.Equal("<https://links.shop.example/u/0123456789abcdef>", parsed.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", parsed.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("campaignc", parsed.Headers["X-Source"]);
        Assert.Equal("multipart/alternative", parsed.Body!.ContentType.MimeType);
        Assert.Contains("<b>15%</b>", parsed.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Come back for 15% off: code WB-7Q2K", parsed.TextBody!.Trim());
    }

    [Fact]
    public async Task Each_message_gets_one_outbox_line_naming_its_file()
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Path, new FakeSendClock());

        await sender.SendAsync(Messages.Email("c-1"));
        await sender.SendAsync(Messages.Email("c-2"));

        var lines = await File.ReadAllLinesAsync(sender.OutboxPath);
        Assert.Equal(2, lines.Length);
        var second = JsonSerializer.Deserialize<OutboxLine>(lines[1])!;
        Assert.Equal("c-2", second.ContactId);
        Assert.Equal("<winback.v3.first_nudge.c-2.0@shop.example>", second.MessageId);
        Assert.True(File.Exists(Path.Combine(folder.Path, second.File)));
    }

    [Fact]
    public async Task A_re_offered_message_writes_no_second_file_and_no_second_line()
    {
        using var folder = new TempFolder();
        var message = Messages.Email();
        using (var first = new FileSender(folder.Path, new FakeSendClock()))
        {
            await first.SendAsync(message);
        }

        var written = await File.ReadAllBytesAsync(Path.Combine(folder.Path, message.IdempotencyKey + ".eml"));
        using var resumed = new FileSender(folder.Path, new FakeSendClock(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)));

        var again = await resumed.SendAsync(message with { Subject = "changed" });

        Assert.IsType<SendOutcome.Delivered>(again);
        Assert.Single(Directory.GetFiles(folder.Path, "*.eml"));
        Assert.Equal(written, await File.ReadAllBytesAsync(Path.Combine(folder.Path, message.IdempotencyKey + ".eml")));
        Assert.Single(await File.ReadAllLinesAsync(resumed.OutboxPath));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public async Task A_file_written_before_a_crash_without_its_line_gets_the_line_once_and_a_torn_line_stays_apart()
    {
        using var folder = new TempFolder();
        var message = Messages.Email();
        using (var first = new FileSender(folder.Path, new FakeSendClock()))
        {
            await first.SendAsync(message);
        }

        // The crash: the line of this message lost, a half-written line of another left behind.
        await File.WriteAllTextAsync(Path.Combine(folder.Path, FileSender.OutboxFileName), "{\"idempotency_key\":\"winback.v3.first");
        using var resumed = new FileSender(folder.Path, new FakeSendClock());

        await resumed.SendAsync(message);
        await resumed.SendAsync(message);

        var lines = await File.ReadAllLinesAsync(resumed.OutboxPath);
        Assert.Equal(2, lines.Length);
        Assert.Equal(message.IdempotencyKey, JsonSerializer.Deserialize<OutboxLine>(lines[1])!.IdempotencyKey);
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("to")]
    [InlineData("header")]
    public async Task Header_injection_from_contact_data_is_refused_and_nothing_is_written(string where)
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Path, new FakeSendClock());
        var message = Messages.Email();
        message = where switch
        {
            "subject" => message with { Subject = "Hello\r\nBcc: everyone@victims.example" },
            "to" => message with { To = "Ada\nBcc: x@victims.example <ada@customers.example>" },
            _ => message with { Headers = message.ExtraHeaders.SetItem("X-Source", "a\r\nBcc: x@victims.example") },
        };

        var outcome = await sender.SendAsync(message);

        var failure = Assert.IsType<SendOutcome.PermanentFailure>(outcome);
        Assert.StartsWith("header injection refused", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Reason);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Marketing_email_without_an_unsubscribe_link_is_refused()
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Path, new FakeSendClock());

        var outcome = await sender.SendAsync(Messages.Email() with { UnsubscribeUrl = null });

        Assert.Contains("unsubscribe", Assert.IsType<SendOutcome.PermanentFailure>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("key with space")]
    public async Task An_idempotency_key_unfit_for_a_file_name_or_message_id_is_refused(string key)
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Path, new FakeSendClock());

        var outcome = await sender.SendAsync(Messages.Email() with { IdempotencyKey = key });

        Assert.Contains("idempotency key", Assert.IsType<SendOutcome.PermanentFailure>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task The_campaigns_reply_to_is_a_reply_to_header_in_the_eml_and_in_a_webhooks_headers()
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Path, new FakeSendClock());
        var campaign = new CampaignDsl.Plan.PlanCampaign("id", "winback", null, "winback", null, null, "news@shop.example", "Shop Care <care@shop.example>", null, []);
        var message = Messages.Email() with { Headers = Messages.Email().ExtraHeaders.AddRange(MailHeaders.Of("email", campaign)) };

        Assert.IsType<SendOutcome.Delivered>(await sender.SendAsync(message));

        var parsed = MimeMessage.Load(sender.PathOf(message.IdempotencyKey));
        var replyTo = Assert.Single(parsed.ReplyTo.Mailboxes);
        Assert.Equal(("Shop Care", "care@shop.example"), (replyTo.Name, replyTo.Address));
        Assert.Equal("Shop Care <care@shop.example>", WebhookPayload.Of(message).Headers["Reply-To"]);
        Assert.Empty(MailHeaders.Of("sms", campaign));
        Assert.Empty(MailHeaders.Of("email", campaign with { ReplyTo = null }));
    }

    [Fact]
    public async Task A_reply_to_that_is_no_address_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Path, new FakeSendClock());
        var message = Messages.Email() with { Headers = Messages.Email().ExtraHeaders.Add("Reply-To", "care at shop") };

        var failure = Assert.IsType<SendOutcome.PermanentFailure>(await sender.SendAsync(message));

        Assert.Contains("reply-to address 'care at shop'", failure.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(sender.PathOf(message.IdempotencyKey)));
    }

    [Fact]
    public async Task An_sms_is_written_as_a_json_file_once_with_its_outbox_line()
    {
        using var folder = new TempFolder();
        var sms = Messages.Email() with { Channel = "sms", To = "+31612345678", Subject = null, HtmlBody = null, TextBody = "Shop: come back. Reply STOP to opt out", UnsubscribeUrl = null };
        using (var sender = new FileSender(folder.Path, new FakeSendClock()))
        {
            var delivered = Assert.IsType<SendOutcome.Delivered>(await sender.SendAsync(sms));
            Assert.Equal(sms.IdempotencyKey + ".sms.json", delivered.ProviderId);
            using var file = JsonDocument.Parse(await File.ReadAllBytesAsync(sender.PathOf(sms.IdempotencyKey, "sms")));
            Assert.Equal("+31612345678", file.RootElement.GetProperty("to").GetString());
            Assert.Equal("sms", file.RootElement.GetProperty("channel").GetString());
            Assert.Equal(sms.TextBody, file.RootElement.GetProperty("body").GetString());
        }

        using (var again = new FileSender(folder.Path, new FakeSendClock()))
        {
            Assert.IsType<SendOutcome.Delivered>(await again.SendAsync(sms));
            var lines = await File.ReadAllLinesAsync(again.OutboxPath);
            var line = JsonSerializer.Deserialize<OutboxLine>(Assert.Single(lines))!;
            Assert.Equal("sms", line.Channel);
            Assert.Equal(sms.IdempotencyKey + ".sms.json", line.File);
        }

        Assert.Empty(Directory.GetFiles(folder.Path, "*.eml"));
    }

    [Fact]
    public async Task An_sms_without_a_number_or_with_a_control_character_is_refused_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        using var sender = new FileSender(folder.Path, new FakeSendClock());
        var sms = Messages.Email() with { Channel = "sms", Subject = null, HtmlBody = null, TextBody = "Hi", UnsubscribeUrl = null };

        var noNumber = Assert.IsType<SendOutcome.PermanentFailure>(await sender.SendAsync(sms with { To = " " }));
        var injected = Assert.IsType<SendOutcome.PermanentFailure>(await sender.SendAsync(sms with { To = "+3161\r\nBcc: x" }));

        Assert.Contains("no recipient", noNumber.Reason, StringComparison.Ordinal);
        Assert.Contains("header injection refused", injected.Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
