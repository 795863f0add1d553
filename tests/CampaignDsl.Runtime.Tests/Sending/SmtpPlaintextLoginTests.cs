using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Sending;
using MailKit.Security;

namespace CampaignDsl.Runtime.Tests.Sending;

/// <summary>
/// The password never crosses an unencrypted connection unless the configuration says so in a key whose name says it
/// (<c>allow_plaintext_auth: true</c>). The server here offers AUTH but no STARTTLS and writes down every line it is sent.
/// </summary>
public sealed class SmtpPlaintextLoginTests
{
    private const string Password = "pw-plain-9f1b-never-sent";

    [Fact]
    public async Task With_starttls_optional_and_a_server_without_it_the_login_is_not_sent_and_the_reason_says_what_to_do()
    {
        using var server = await RecordingSmtpServer.StartAsync();
        using var sender = new SmtpSender(Options(server.Port, SecureSocketOptions.StartTlsWhenAvailable, allowPlaintext: false), new FakeSendClock());

        var outcome = await sender.SendAsync(Messages.Email());

        var failure = Assert.IsType<SendOutcome.TransientFailure>(outcome);
        Assert.Contains("offered no STARTTLS", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("allow_plaintext_auth: true", failure.Reason, StringComparison.Ordinal);
        var transcript = await server.TranscriptAsync();
        Assert.Contains(transcript, line => line.StartsWith("EHLO", StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, line => line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(transcript, line => line.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(Password))[..8], StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, line => line.StartsWith("MAIL FROM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_allow_plaintext_auth_the_login_goes_as_configured()
    {
        using var server = await RecordingSmtpServer.StartAsync();
        using (var sender = new SmtpSender(Options(server.Port, SecureSocketOptions.StartTlsWhenAvailable, allowPlaintext: true), new FakeSendClock()))
        {
            Assert.IsType<SendOutcome.Delivered>(await sender.SendAsync(Messages.Email()));
        }

        Assert.Contains(await server.TranscriptAsync(), line => line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", true)]
    [InlineData("true", false)]
    public void Starttls_none_with_a_login_is_refused_at_open_unless_plaintext_is_allowed_by_name(string? allow, bool refused)
    {
        var values = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1",
            ["starttls"] = "none",
            ["username_env"] = "SMTP_USER",
            ["password_env"] = "SMTP_PASSWORD",
        };
        if (allow is not null)
        {
            values["allow_plaintext_auth"] = allow;
        }

        var settings = new AdapterSettings("smtp", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, values));
        var context = SenderContext.Default with { Environment = _ => Password };
        if (refused)
        {
            var error = Assert.Throws<SenderException>(() => Senders.BuiltIn.Open(settings, context));
            Assert.Contains("allow_plaintext_auth: true", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        }
        else
        {
            using var opened = Senders.BuiltIn.Open(settings, context);
            Assert.IsType<SmtpSender>(opened.Inner);
        }
    }

    private static SmtpSenderOptions Options(int port, SecureSocketOptions security, bool allowPlaintext) =>
        new("127.0.0.1", port, security, new NetworkCredential("robot", Password), null, TimeSpan.FromSeconds(10), AllowPlaintextAuth: allowPlaintext);

    /// <summary>A minimal SMTP server on loopback that advertises AUTH PLAIN without STARTTLS and keeps every command line.</summary>
    private sealed class RecordingSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<string> _lines = [];
        private Task? _session;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static Task<RecordingSmtpServer> StartAsync()
        {
            var server = new RecordingSmtpServer();
            server._listener.Start();
            server._session = server.ServeOneAsync();
            return Task.FromResult(server);
        }

        public async Task<IReadOnlyList<string>> TranscriptAsync()
        {
            await _session!.WaitAsync(TimeSpan.FromSeconds(10));
            lock (_lines)
            {
                return [.. _lines];
            }
        }

        private async Task ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 recorder ESMTP");
            var inData = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }

                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        await writer.WriteLineAsync("250 kept");
                    }

                    continue;
                }

                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-recorder");
                        await writer.WriteLineAsync("250 AUTH PLAIN LOGIN");
                        break;
                    case "AUTH":
                        await writer.WriteLineAsync("235 accepted");
                        break;
                    case "DATA":
                        inData = true;
                        await writer.WriteLineAsync("354 go on");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
