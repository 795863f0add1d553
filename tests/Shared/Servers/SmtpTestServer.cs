using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;

namespace CampaignDsl.Tests.Servers;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port (aiosmtpd, started from <c>smtp_test_server.py</c>)
/// that requires STARTTLS with a self-signed certificate made here, then AUTH, saves each message it
/// accepts, and can reject recipients with 554 or answer DATA slowly. Stopped when disposed. With <c>requireTls: false</c>
/// it still requires AUTH but offers no STARTTLS: for campaignc started as a child process, which cannot pin the test's
/// self-signed certificate (the smtp sender's own tests cover STARTTLS). The server does not deduplicate: a message sent
/// twice is saved twice, which is what the exactly-once tests count on.
/// </summary>
internal sealed class SmtpTestServer : IDisposable
{
    public const string User = "campaign-robot";

    private readonly Process _process;
    private readonly TempFolder _folder = new();

    private SmtpTestServer(string password, IEnumerable<string> rejected, TimeSpan dataDelay, bool requireTls)
    {
        Password = password;
        Maildir = Directory.CreateDirectory(_folder.Combine("received")).FullName;
        Certificate = MakeCertificate(out var certPath, out var keyPath, _folder);
        var start = new ProcessStartInfo(FindPython())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Servers", "smtp_test_server.py"));
        start.ArgumentList.Add(Maildir);
        start.ArgumentList.Add(certPath);
        start.ArgumentList.Add(keyPath);
        foreach (var address in rejected)
        {
            start.ArgumentList.Add("--reject");
            start.ArgumentList.Add(address);
        }

        if (!requireTls)
        {
            start.ArgumentList.Add("--no-tls");
        }

        start.ArgumentList.Add("--data-delay");
        start.ArgumentList.Add(dataDelay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["SMTP_TEST_USER"] = User;
        start.Environment["SMTP_TEST_PASSWORD"] = password;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the SMTP test server");
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result is not { } line || !line.StartsWith("READY ", StringComparison.Ordinal))
        {
            var error = _process.HasExited ? _process.StandardError.ReadToEnd() : "(no answer within 30 s)";
            Dispose();
            throw new InvalidOperationException("the SMTP test server did not start: " + error);
        }

        Port = int.Parse(line["READY ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public int Port { get; }

    public string Password { get; }

    public string Maildir { get; }

    public X509Certificate2 Certificate { get; }

    public static SmtpTestServer Start(string password, IEnumerable<string>? rejected = null, TimeSpan? dataDelay = null, bool requireTls = true) =>
        new(password, rejected ?? [], dataDelay ?? TimeSpan.Zero, requireTls);

    /// <summary>Trusts exactly this server's certificate, as a pinned test certificate.</summary>
    public bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString();

    /// <summary>The messages the server accepted, in order, parsed with MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        [.. Directory.GetFiles(Maildir, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path))];

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        Certificate.Dispose();
        _folder.Dispose();
    }

    // Debian's python3 has aiosmtpd from python3-aiosmtpd; a python3 earlier on PATH (pyenv) may not.
    private static string FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                });
                if (probe is not null && probe.WaitForExit(30_000) && probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        throw new InvalidOperationException(
            "The SMTP sender tests need python3 with aiosmtpd to run a real SMTP server on loopback: install it with `apt-get install python3-aiosmtpd` (tests/run.sh does).");
    }

    private static X509Certificate2 MakeCertificate(out string certPath, out string keyPath, TempFolder folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        certPath = folder.Write("server.crt", certificate.ExportCertificatePem());
        keyPath = folder.Write("server.key", key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }
}
