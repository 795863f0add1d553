using System.Collections.Frozen;

namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>
/// The blocks of <c>runtime:</c> and the kinds each may be. Adding a kind, or a key to one, is a
/// line here; the loader checks and stores it with no other change, and docs/configuration.md lists it.
/// </summary>
public static class AdapterCatalog
{
    public const string Data = "data";
    public const string Sender = "sender";
    public const string State = "state";

    /// <summary>Each block's kinds by name.</summary>
    public static FrozenDictionary<string, FrozenDictionary<string, AdapterKind>> Slots { get; } =
        new Dictionary<string, FrozenDictionary<string, AdapterKind>>
        {
            [Data] = Kinds(
                Kind("csv",
                    // Without `contacts:` the block is a mapping for files given on the command line (`import --contacts`).
                    Optional("contacts", AdapterValueKind.Path, "contacts: data/contacts.csv"),
                    Optional("events", AdapterValueKind.Path, "events: data/events.csv"),
                    Optional("mapping", AdapterValueKind.RawBlock, "mapping: { contacts: { id: customer_id } }")),
                Kind("sqlite", Required("path", AdapterValueKind.Path, "path: data/crm.db")),
                Kind("postgres", Required("connection", AdapterValueKind.Text, "connection: \"Host=db;Database=crm\""))),
            [Sender] = Kinds(
                Kind("file", [Required("folder", AdapterValueKind.Path, "folder: outbox"), .. SendPolicyKeys]),
                Kind("smtp",
                [
                    Required("host", AdapterValueKind.Text, "host: smtp.shop.example"),
                    Optional("port", AdapterValueKind.Port, "port: 587"),
                    Optional("from", AdapterValueKind.Address, "from: \"Shop <news@shop.example>\""),
                    Optional("starttls", AdapterValueKind.Choice, "starttls: required") with { Choices = ["required", "optional", "none"] },
                    Optional("username_env", AdapterValueKind.EnvironmentVariable, "username_env: SMTP_USERNAME"),
                    Optional("password_env", AdapterValueKind.EnvironmentVariable, "password_env: SMTP_PASSWORD"),
                    Optional("allow_plaintext_auth", AdapterValueKind.Choice, "allow_plaintext_auth: false") with { Choices = ["false", "true"] },
                    .. SendPolicyKeys,
                ]),
                Kind("webhook",
                [
                    Required("url", AdapterValueKind.Url, "url: https://hooks.shop.example/campaigns"),
                    Optional("headers", AdapterValueKind.RawBlock, "headers: { X-Source: campaignc }"),
                    Optional("token_env", AdapterValueKind.EnvironmentVariable, "token_env: HOOK_TOKEN"),
                    .. SendPolicyKeys,
                ]),
                Kind("console")),
            [State] = Kinds(
                Kind("sqlite", Required("path", AdapterValueKind.Path, "path: .campaignc/state.db")),
                Kind("postgres", Required("connection", AdapterValueKind.Text, "connection: \"Host=db;Database=campaigns\""))),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    // Every sender but the console takes these: a rate limit, a retry budget and a time limit per attempt.
    private static AdapterKey[] SendPolicyKeys =>
    [
        Optional("rate_per_second", AdapterValueKind.Count, "rate_per_second: 10"),
        Optional("max_attempts", AdapterValueKind.Count, "max_attempts: 5"),
        Optional("timeout_seconds", AdapterValueKind.Count, "timeout_seconds: 30"),
    ];

    private static FrozenDictionary<string, AdapterKind> Kinds(params AdapterKind[] kinds) =>
        kinds.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    private static AdapterKind Kind(string name, params AdapterKey[] keys) => new(name, [.. keys]);

    private static AdapterKey Required(string name, AdapterValueKind kind, string example) => new(name, kind, true, example);

    private static AdapterKey Optional(string name, AdapterValueKind kind, string example) => new(name, kind, false, example);
}
