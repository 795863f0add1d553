using System.Net;
using System.Net.Security;
using MailKit.Security;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Where and how the smtp sender connects. <paramref name="Credentials"/> come from the environment
/// variables that campaignc.yaml names (<c>username_env</c>, <c>password_env</c>), never from the file;
/// <paramref name="ServerCertificateValidation"/> replaces the system's checks only where a test pins
/// its own self-signed certificate. The credentials go only over an encrypted connection unless
/// <paramref name="AllowPlaintextAuth"/> (<c>allow_plaintext_auth: true</c>) says otherwise.
/// </summary>
public sealed record SmtpSenderOptions(
    string Host,
    int Port,
    SecureSocketOptions Security,
    NetworkCredential? Credentials,
    string? FromOverride,
    TimeSpan Timeout,
    RemoteCertificateValidationCallback? ServerCertificateValidation = null,
    bool AllowPlaintextAuth = false)
{
    /// <summary>The <c>starttls</c> setting as MailKit's option: required, optional (when the server offers it) or none.</summary>
    public static SecureSocketOptions SecurityOf(string? starttls) => starttls switch
    {
        "optional" => SecureSocketOptions.StartTlsWhenAvailable,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    // The record's printed form must not show the password.
    public override string ToString() => $"smtp {Host}:{Port} ({Security}{(Credentials is null ? "" : ", with credentials")})";
}
