using System.Text.Json;
using Campaignc.Tests.Infrastructure;
using MimeKit;

namespace Campaignc.Tests.Running;

/// <summary>
/// The mail <c>campaignc run</c> writes, read back as a mail client reads it: Reply-To from the campaign, a
/// <c>multipart/alternative</c> with a text part (a <c>.txt</c> template beside the HTML one, else made from the HTML),
/// and plain-text subjects, exact in the message, <c>outbox.jsonl</c>, the audit log and <c>preview</c>.
/// </summary>
public sealed class MailShapeTests : IDisposable
{
    private const string Name = "O'Brien & <Co>";

    private readonly TempFolder _folder = new();

    public MailShapeTests()
    {
        _folder.Write("campaignc.yaml", "version: 1\n");
        _folder.Write("data/contacts.csv", $"""
            id,email,first_name,last_name,phone,timezone,subscribed,created_at
            K1,conan@example.com,Conan,"O'Brien & <Co>",+447700900001,Europe/London,true,2025-01-01T00:00:00Z

            """);
        _folder.Write("data/events.csv", "contact_id,type,at,amount\n");
        _folder.Write("campaigns/templates/greet.hbs", """
            <html><head><title>Hi</title><style>p { color: red; }</style></head>
            <body>
            <div style="display: none">A preheader nobody reads as text</div>
            <h1>Hello {{first_name}} {{last_name}}</h1>
            <p>Fish &amp; chips&nbsp;&mdash; only   this
            week.<br>See <a href="https://shop.example/fish">our menu</a> or <a href="https://shop.example/">https://shop.example/</a>.</p>
            <ul><li>Cod</li><li>Haddock</li></ul>
            <p><a href="{{unsubscribe_url}}">Unsubscribe</a></p>
            </body></html>

            """);
        _folder.Write("campaigns/templates/offer.hbs", "<p>Dear {{last_name}}, <b>10% off</b>.</p>\n<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n");
        _folder.Write("campaigns/templates/offer.txt", "Dear {{last_name}}, 10% off.\nUnsubscribe: {{unsubscribe_url}}\n");
        Campaign = _folder.Write("campaigns/hello.campaign", """
            campaign hello "Hello" {
              type custom
              owner "crm@shop.example"
              from "Anna from Shop <anna@shop.example>"
              reply_to "service@shop.example"
              timezone "Europe/London"

              audience {
                where subscribed
                entry once
              }

              stage greet {
                send email "templates/greet.hbs" subject "Hello {{first_name}} {{last_name}}"
              }

              stage offer after 1d {
                send email "templates/offer.hbs" subject "An offer for {{last_name}}"
              }

              stage remind after 1d {
                send sms body "Shop: {{first_name}} {{last_name}}, 10% off ends today. Reply STOP to opt out"
              }
            }

            """);
    }

    private string Campaign { get; }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_sent_mail_has_reply_to_both_parts_and_its_subject_as_written()
    {
        await RunAsync("2026-01-05T12:00:00Z");
        var greet = Single("greet");

        Assert.Equal("service@shop.example", Assert.Single(greet.ReplyTo.Mailboxes).Address);
        Assert.Equal($"Hello Conan {Name}", greet.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(greet.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("<h1>Hello Conan O&#x27;Brien &amp; &lt;Co&gt;</h1>", greet.HtmlBody, StringComparison.Ordinal);

        // Made from the HTML: no markup, entities decoded, blocks on their own lines, links as `label (url)`.
        var text = greet.TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith($"Hello Conan {Name}\n\nFish & chips \u2014 only this week.\nSee our menu (https://shop.example/fish) or https://shop.example/.\n\n- Cod\n- Haddock\n\nUnsubscribe (https://", text, StringComparison.Ordinal);
        Assert.DoesNotContain("preheader", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", text, StringComparison.Ordinal);

        var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(_folder.Combine("outbox", "outbox.jsonl")))).RootElement;
        Assert.Equal($"Hello Conan {Name}", line.GetProperty("subject").GetString());
        var audit = await Cli.RunAsync("audit", "--state", _folder.Combine("state.db"), "--contact", "K1");
        Assert.Contains($"({"Hello Conan " + Name})", audit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_txt_template_beside_the_html_one_is_the_text_part()
    {
        await RunAsync("2026-01-05T12:00:00Z");
        await RunAsync("2026-01-06T12:30:00Z");
        var offer = Single("offer");

        Assert.Equal($"An offer for {Name}", offer.Subject);
        Assert.Equal("service@shop.example", Assert.Single(offer.ReplyTo.Mailboxes).Address);
        Assert.StartsWith($"Dear {Name}, 10% off.\nUnsubscribe: https://", offer.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<p>Dear O&#x27;Brien &amp; &lt;Co&gt;, <b>10% off</b>.</p>", offer.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_shows_the_subject_and_an_sms_body_as_plain_text()
    {
        var email = await PreviewAsync("greet");
        Assert.True(email.ExitCode == 0, email.ToString());
        Assert.Contains($"\nSubject: Hello Conan {Name}\n", email.Stdout, StringComparison.Ordinal);
        Assert.Contains("--- text/plain part\nHello Conan", email.Stdout, StringComparison.Ordinal);

        var sms = await PreviewAsync("remind");
        Assert.True(sms.ExitCode == 0, sms.ToString());
        Assert.Contains($"\nShop: Conan {Name}, 10% off ends today. Reply STOP to opt out\n", sms.Stdout, StringComparison.Ordinal);
    }

    private Task<CliResult> PreviewAsync(string stage) =>
        Cli.RunAsync("preview", Campaign, "--stage", stage, "--contact", "K1", "--data", _folder.Combine("data", "contacts.csv"), "--at", "2026-01-05T12:00:00Z");

    private async Task RunAsync(string now)
    {
        var run = await Cli.RunAsync("run", Campaign, "--data", _folder.Combine("data", "contacts.csv"), _folder.Combine("data", "events.csv"),
            "--state", _folder.Combine("state.db"), "--outbox", _folder.Combine("outbox"), "--now", now);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>The one .eml of <paramref name="stage"/>, parsed by MimeKit.</summary>
    private MimeMessage Single(string stage)
    {
        var messages = Directory.GetFiles(_folder.Combine("outbox"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        return Assert.Single(messages, m => m.Headers["X-Campaign"]?.Contains("stage=" + stage, StringComparison.Ordinal) == true);
    }
}
