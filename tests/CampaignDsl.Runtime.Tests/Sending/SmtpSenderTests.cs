using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Sending;
using CampaignDsl.Tests.Servers;
using MailKit.Security;

namespace CampaignDsl.Runtime.Tests.Sending;

/// <summary>The smtp sender against a real aiosmtpd server on loopback that requires STARTTLS and AUTH.</summary>
public sealed class SmtpSenderTests
{
    private const string Password = "pw-3c7e1d-never-logged";

    [Fact]
    public async Task Delivers_over_starttls_with_the_login_from_the_variables_campaignc_yaml_names()
    {
        using var server = SmtpTestServer.Start(Password);
        var (settings, environment) = ConfiguredSmtp(server, Password);
        var output = new StringWriter();
        using var sender = Senders.BuiltIn.Open(settings, new SenderContext(new FakeSendClock(), output, environment, server.ValidateCertificate));
        var message = Messages.Email();

        var outcome = await sender.SendAsync(message);

        var delivered = Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.StartsWith("<" + message.IdempotencyKey + "@shop.example>", delivered.ProviderId, StringComparison.Ordinal);
        var received = Assert.Single(server.Received());
        Assert.Equal(message.IdempotencyKey + "@shop.example", received.MessageId);
        Assert.Equal("<https://links.shop.example/u/0123456789abcdef>", received.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("We miss you, Ada", received.Subject);
        Assert.Contains("WB-7Q2K", received.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipient_rejected_with_554_fails_alone_and_the_others_are_delivered_once()
    {
        using var server = SmtpTestServer.Start(Password, rejected: ["bounce@customers.example"]);
        using var sender = new RetryingSender(Smtp(server, Password), SendPolicy.Default with { RatePerSecond = 1000 }, new FakeSendClock());

        var first = await sender.SendAsync(Messages.Email("c-1", "one@customers.example"));
        var rejected = await sender.SendAsync(Messages.Email("c-2", "bounce@customers.example"));
        var third = await sender.SendAsync(Messages.Email("c-3", "three@customers.example"));

        Assert.IsType<SendOutcome.Delivered>(first);
        var failure = Assert.IsType<SendOutcome.PermanentFailure>(rejected);
        Assert.Contains("554", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("bounce@customers.example", failure.Reason, StringComparison.Ordinal);
        Assert.IsType<SendOutcome.Delivered>(third);
        Assert.Equal(["one@customers.example", "three@customers.example"],
            server.Received().Select(m => m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task A_server_that_is_down_is_a_transient_failure()
    {
        using var sender = new SmtpSender(
            new SmtpSenderOptions("127.0.0.1", ClosedPort(), SecureSocketOptions.StartTls, new NetworkCredential(SmtpTestServer.User, Password), null, TimeSpan.FromSeconds(10)),
            new FakeSendClock());

        var outcome = await sender.SendAsync(Messages.Email());

        var failure = Assert.IsType<SendOutcome.TransientFailure>(outcome);
        Assert.Contains("127.0.0.1", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_a_transient_failure()
    {
        using var server = SmtpTestServer.Start(Password, dataDelay: TimeSpan.FromSeconds(20));
        using var sender = Smtp(server, Password, TimeSpan.FromSeconds(2));

        var outcome = await sender.SendAsync(Messages.Email());

        Assert.Contains("did not answer within 2 s", Assert.IsType<SendOutcome.TransientFailure>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_login_is_transient_and_never_shows_the_password()
    {
        const string Wrong = "wrong-9f8e7d-secret";
        using var server = SmtpTestServer.Start(Password);
        using var sender = Smtp(server, Wrong);

        var outcome = await sender.SendAsync(Messages.Email());

        var failure = Assert.IsType<SendOutcome.TransientFailure>(outcome);
        Assert.Contains("password_env", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, sender.ToString()!, StringComparison.Ordinal);
        Assert.Empty(server.Received());
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused()
    {
        using var server = SmtpTestServer.Start(Password);
        using var sender = new SmtpSender(
            new SmtpSenderOptions("127.0.0.1", server.Port, SecureSocketOptions.StartTls, new NetworkCredential(SmtpTestServer.User, Password), null, TimeSpan.FromSeconds(10)),
            new FakeSendClock());

        var outcome = await sender.SendAsync(Messages.Email());

        Assert.IsType<SendOutcome.TransientFailure>(outcome);
        Assert.Empty(server.Received());
    }

    [Fact]
    public void A_password_variable_that_is_not_set_stops_the_open_and_a_set_one_is_never_shown()
    {
        var settings = new AdapterSettings("smtp", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1",
            ["username_env"] = "CAMPAIGNC_TEST_SMTP_USER",
            ["password_env"] = "CAMPAIGNC_TEST_SMTP_PASSWORD",
        }));

        var error = Assert.Throws<SenderException>(() =>
            Senders.BuiltIn.Open(settings, SenderContext.Default with { Environment = name => name == "CAMPAIGNC_TEST_SMTP_USER" ? "robot" : null }));

        Assert.Contains("CAMPAIGNC_TEST_SMTP_PASSWORD", error.Message, StringComparison.Ordinal);
        using var opened = Senders.BuiltIn.Open(settings, SenderContext.Default with { Environment = _ => Password });
        var options = Assert.IsType<SmtpSender>(opened.Inner).ToString();
        Assert.DoesNotContain(Password, options, StringComparison.Ordinal);
    }

    // campaignc.yaml as a project writes it: the names of the variables, read through the real loader.
    private static (AdapterSettings Settings, Func<string, string?> Environment) ConfiguredSmtp(SmtpTestServer server, string password)
    {
        var yaml = $"""
            runtime:
              sender:
                kind: smtp
                host: 127.0.0.1
                port: {server.Port}
                starttls: required
                username_env: SHOP_SMTP_USER
                password_env: SHOP_SMTP_PASSWORD
                max_attempts: 2
                timeout_seconds: 10
            """;
        var loaded = new ConfigurationLoader(new LintRuleRegistry([])).Load(
            Path.Combine(Path.GetTempPath(), "campaignc.yaml"), System.Text.Encoding.UTF8.GetBytes(yaml));
        Assert.Empty(loaded.Diagnostics);
        Assert.DoesNotContain(password, yaml, StringComparison.Ordinal);
        var environment = new Dictionary<string, string> { ["SHOP_SMTP_USER"] = SmtpTestServer.User, ["SHOP_SMTP_PASSWORD"] = password };
        return (loaded.Configuration.Runtime.Sender!, name => environment.GetValueOrDefault(name));
    }

    private static SmtpSender Smtp(SmtpTestServer server, string password, TimeSpan? timeout = null) =>
        new(new SmtpSenderOptions("127.0.0.1", server.Port, SecureSocketOptions.StartTls, new NetworkCredential(SmtpTestServer.User, password), null,
            timeout ?? TimeSpan.FromSeconds(10), server.ValidateCertificate), new FakeSendClock());

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
