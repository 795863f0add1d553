using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Sends email to an SMTP server with MailKit: STARTTLS as configured, AUTH with credentials from
/// the environment, the composed message's <c>Message-ID</c> carrying the idempotency key. One
/// connection is kept and re-opened after any failure. A 5xx reply (a recipient rejected with 554,
/// a message refused) is a permanent failure for that message alone; a 4xx reply, a server that is
/// down, a broken TLS handshake or a reply slower than the timeout is transient. Reasons quote the
/// server's reply, never the credentials.
/// </summary>
public sealed class SmtpSender(SmtpSenderOptions options, ISendClock clock) : ISender, IDisposable
{
    private readonly SemaphoreSlim _connection = new(1, 1);
    private SmtpClient? _client;

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (mime, problem) = EmailComposer.Compose(message, clock.UtcNow, options.FromOverride);
        if (mime is null)
        {
            return new SendOutcome.PermanentFailure(problem!);
        }

        await _connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                var client = await ConnectedAsync(timeout.Token).ConfigureAwait(false);
                var reply = await client.SendAsync(mime, timeout.Token).ConfigureAwait(false);
                var messageId = "<" + mime.MessageId + ">";
                return new SendOutcome.Delivered(string.IsNullOrWhiteSpace(reply) ? messageId : messageId + " " + reply.Trim());
            }
            catch (SmtpCommandException exception)
            {
                // After a refused command the session is still usable (MailKit resets it); other failures drop it.
                var reason = $"{Server}: {(int)exception.StatusCode} {exception.Message}{Mailbox(exception)}";
                return (int)exception.StatusCode >= 500
                    ? new SendOutcome.PermanentFailure(reason)
                    : new SendOutcome.TransientFailure(reason);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Drop();
                return new SendOutcome.TransientFailure($"{Server} did not answer within {options.Timeout.TotalSeconds:0.###} s");
            }
            catch (PlaintextLoginRefusedException)
            {
                Drop();
                return new SendOutcome.TransientFailure(
                    $"{Server} offered no STARTTLS, so the password was not sent over the unencrypted connection and nothing was delivered; "
                    + "enable STARTTLS on the server, or, only on a network you trust, set `allow_plaintext_auth: true` for the smtp sender");
            }
            catch (AuthenticationException exception)
            {
                Drop();
                return new SendOutcome.TransientFailure($"{Server} refused the login ({exception.Message}); check the variables named by username_env and password_env");
            }
            catch (Exception exception) when (exception is SmtpProtocolException or SslHandshakeException or SocketException or IOException
                or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException)
            {
                Drop();

                // MailKit's own read timeout and ours race on a slow server; both mean the same to the person reading it.
                return new SendOutcome.TransientFailure(TimedOut(exception)
                    ? $"{Server} did not answer within {options.Timeout.TotalSeconds:0.###} s"
                    : $"{Server}: {exception.Message}");
            }
        }
        finally
        {
            _connection.Release();
        }
    }

    public void Dispose()
    {
        Drop();
        _connection.Dispose();
    }

    private string Server => $"the SMTP server {options.Host}:{options.Port}";

    private static bool TimedOut(Exception exception) =>
        exception is IOException && (exception.InnerException is TimeoutException or SocketException { SocketErrorCode: SocketError.TimedOut }
            || exception.Message.Contains("timed out", StringComparison.OrdinalIgnoreCase));

    private static string Mailbox(SmtpCommandException exception) =>
        exception.Mailbox is { } mailbox ? $" (recipient {mailbox.Address})" : "";

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open && (options.Credentials is null || open.IsAuthenticated))
        {
            return open;
        }

        Drop();
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        _client = client;
        if (options.ServerCertificateValidation is { } validation)
        {
            client.ServerCertificateValidationCallback = validation;
        }

        await client.ConnectAsync(options.Host, options.Port, options.Security, cancellationToken).ConfigureAwait(false);
        if (options.Credentials is { } credentials)
        {
            if (!client.IsSecure && !options.AllowPlaintextAuth)
            {
                // `starttls: optional` and a server that offered no STARTTLS: the login would go in clear text.
                throw new PlaintextLoginRefusedException();
            }

            await client.AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
        }

        return client;
    }

    private void Drop()
    {
        var client = _client;
        _client = null;
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                client.Disconnect(quit: false);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or MailKit.ProtocolException or ObjectDisposedException)
        {
            // A connection that is already broken has nothing left to close.
        }

        client.Dispose();
    }
}

/// <summary>The login was about to go over a connection without TLS, which the configuration does not allow.</summary>
internal sealed class PlaintextLoginRefusedException : Exception;
