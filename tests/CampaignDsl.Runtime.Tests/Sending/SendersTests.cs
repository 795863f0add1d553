using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Sending;

namespace CampaignDsl.Runtime.Tests.Sending;

public sealed class SendersTests
{
    [Fact]
    public async Task The_file_kind_opens_with_its_folder_and_policy()
    {
        using var folder = new TempFolder();
        using var sender = Senders.BuiltIn.Open(Settings("file", ("folder", folder.Path), ("rate_per_second", "3"), ("max_attempts", "2")),
            SenderContext.Default with { Clock = new FakeSendClock() });

        var outcome = await sender.SendAsync(Messages.Email());

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal(3, sender.Policy.RatePerSecond);
        Assert.Equal(2, sender.Policy.MaxAttempts);
        Assert.Single(Directory.GetFiles(folder.Path, "*.eml"));
    }

    [Fact]
    public async Task The_console_kind_prints_one_line_per_message()
    {
        var output = new StringWriter();
        using var sender = Senders.BuiltIn.Open(Settings("console"), SenderContext.Default with { Clock = new FakeSendClock(), Console = output });

        await sender.SendAsync(Messages.Email());

        Assert.Contains("winback.v3.first_nudge.c-17850.0", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_names_the_kinds_there_are_and_an_added_kind_opens()
    {
        var error = Assert.Throws<SenderException>(() => Senders.BuiltIn.Open(Settings("carrier-pigeon"), SenderContext.Default));
        Assert.Contains("console, file, smtp, webhook", error.Message, StringComparison.Ordinal);

        using var opened = Senders.BuiltIn.With("carrier-pigeon", (_, context) => new ConsoleSender(context.Console)).Open(Settings("carrier-pigeon"), SenderContext.Default);
        Assert.IsType<ConsoleSender>(opened.Inner);
    }

    [Fact]
    public void Smtp_needs_both_credential_variables_or_neither()
    {
        var error = Assert.Throws<SenderException>(() =>
            Senders.BuiltIn.Open(Settings("smtp", ("host", "127.0.0.1"), ("username_env", "SHOP_SMTP_USER")), SenderContext.Default with { Environment = _ => "x" }));

        Assert.Contains("password_env", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_webhook_header_with_a_line_break_stops_the_open()
    {
        var settings = Settings("webhook", ("url", "http://127.0.0.1:9/hooks")) with
        {
            Mapping = ImmutableSortedDictionary<string, string>.Empty.Add("X-Tenant", "shop\r\nX-Evil: 1"),
        };

        var error = Assert.Throws<SenderException>(() => Senders.BuiltIn.Open(settings, SenderContext.Default));

        Assert.Contains("X-Tenant", error.Message, StringComparison.Ordinal);
    }

    private static AdapterSettings Settings(string kind, params (string Key, string Value)[] values) =>
        new(kind, values.ToImmutableSortedDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
}
