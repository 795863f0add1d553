using System.Net;
using System.Net.Security;
using MailKit.Security;
using CampaignDsl.Compiler.Configuration.Runtime;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// What opening a sender needs besides its settings: the clock, where the console sender prints, how
/// environment variables are read (the process's by default), and, for tests only, a check of the
/// SMTP server's certificate in place of the system's.
/// </summary>
public sealed record SenderContext(
    ISendClock Clock,
    TextWriter Console,
    Func<string, string?> Environment,
    RemoteCertificateValidationCallback? SmtpCertificateValidation = null)
{
    public static SenderContext Default => new(SystemSendClock.Instance, System.Console.Out, System.Environment.GetEnvironmentVariable);
}

/// <summary>
/// Opens the sender campaignc.yaml's <c>runtime.sender</c> names by its <c>kind</c>: <c>file</c>,
/// <c>smtp</c>, <c>webhook</c>, <c>console</c>; tests and script plugins add kinds with
/// <see cref="With"/>. Every sender comes wrapped in a <see cref="RetryingSender"/> with the block's
/// rate limit, retry budget and timeout.
/// </summary>
public sealed class Senders
{
    private readonly Dictionary<string, Func<AdapterSettings, SenderContext, ISender>> _kinds = new(StringComparer.Ordinal)
    {
        ["file"] = OpenFile,
        ["smtp"] = OpenSmtp,
        ["webhook"] = OpenWebhook,
        ["console"] = (_, context) => new ConsoleSender(context.Console),
    };

    public static Senders BuiltIn => new();

    public IEnumerable<string> Kinds => _kinds.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds or replaces a kind (a test's recording sender, a script plugin's sender).</summary>
    public Senders With(string kind, Func<AdapterSettings, SenderContext, ISender> open)
    {
        _kinds[kind] = open;
        return this;
    }

    /// <summary>The configured sender with its policy; throws <see cref="SenderException"/> when it cannot be opened.</summary>
    public RetryingSender Open(AdapterSettings settings, SenderContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        if (!_kinds.TryGetValue(settings.Kind, out var open))
        {
            throw new SenderException($"runtime.sender kind '{settings.Kind}' is unknown; the kinds are {string.Join(", ", Kinds)}");
        }

        return new RetryingSender(open(settings, context), SendPolicy.From(settings), context.Clock);
    }

    private static FileSender OpenFile(AdapterSettings settings, SenderContext context) =>
        new(settings.Get("folder") ?? throw new SenderException("runtime.sender kind file needs `folder:`, where the .eml files go"), context.Clock);

    private static SmtpSender OpenSmtp(AdapterSettings settings, SenderContext context)
    {
        var host = settings.Get("host") ?? throw new SenderException("runtime.sender kind smtp needs `host:`");
        var security = SmtpSenderOptions.SecurityOf(settings.Get("starttls"));
        NetworkCredential? credentials = null;
        var usernameVariable = settings.Get("username_env");
        var passwordVariable = settings.Get("password_env");
        if (usernameVariable is not null || passwordVariable is not null)
        {
            if (usernameVariable is null || passwordVariable is null)
            {
                throw new SenderException("runtime.sender kind smtp needs both `username_env` and `password_env` to log in, or neither");
            }

            credentials = new NetworkCredential(Variable(context, usernameVariable, "username_env"), Variable(context, passwordVariable, "password_env"));
        }

        var plaintext = settings.Get("allow_plaintext_auth") == "true";
        if (credentials is not null && security == SecureSocketOptions.None && !plaintext)
        {
            throw new SenderException(
                "runtime.sender kind smtp has `starttls: none` and a login (`username_env`, `password_env`): the password would cross the network "
                + "unencrypted, so campaignc will not send it; use `starttls: required`, or, only for a server on a network you trust, add `allow_plaintext_auth: true`");
        }

        var port = settings.GetNumber("port") ?? 587;
        return new SmtpSender(
            new SmtpSenderOptions(host, port, security, credentials, settings.Get("from"), SendPolicy.From(settings).Timeout, context.SmtpCertificateValidation,
                plaintext),
            context.Clock);
    }

    private static WebhookSender OpenWebhook(AdapterSettings settings, SenderContext context)
    {
        var url = settings.Get("url") ?? throw new SenderException("runtime.sender kind webhook needs `url:`");
        var token = settings.Get("token_env") is { } tokenVariable ? Variable(context, tokenVariable, "token_env") : null;
        foreach (var (name, value) in settings.Mapping)
        {
            if (name.Length == 0 || !name.All(c => c is > ' ' and < '\x7f' and not ':') || value.Any(char.IsControl))
            {
                throw new SenderException($"runtime.sender `headers` has an unusable header '{name}': names are printable ASCII without ':' and values hold no line breaks or control characters");
            }
        }

        return new WebhookSender(new Uri(url), settings.Mapping, token, SendPolicy.From(settings).Timeout, context.Clock);
    }

    // The message names the variable, never its value.
    private static string Variable(SenderContext context, string name, string key) =>
        context.Environment(name) is { Length: > 0 } value
            ? value
            : throw new SenderException($"the environment variable {name}, named by runtime.sender `{key}` in campaignc.yaml, is not set; set it before the run (its value is never written to the file or the logs)");
}
