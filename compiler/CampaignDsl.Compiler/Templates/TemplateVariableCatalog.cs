using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Every name a message template may use: the contact's attributes (from the contact schema in
/// force), the incentive's fields, what the sender fills in, values clicks stored on the profile, and
/// providers' unsubscribe placeholders. Each has a maximum printed length where one can be given;
/// <see cref="With"/> narrows it where the campaign knows better (a campaign's own name, an incentive's
/// code pattern). Immutable: each <c>With</c> returns a new catalogue.
/// </summary>
public sealed class TemplateVariableCatalog
{
    public const string IncentiveObject = "incentive";

    /// <summary>Links the sender generates: a short host and a 64-character token fit in this; the runtime must keep to it.</summary>
    public const int LinkMaxLength = 100;

    /// <summary>A date and time as ISO 8601 with offset, <c>2026-12-31T23:59:00+01:00</c>.</summary>
    public const int DateMaxLength = 25;

    // The variables of a schema are built once; a send's own lengths are a few overrides on top.
    private static readonly ConditionalWeakTable<ContactSchema, FrozenDictionary<string, TemplateVariable>> BySchema = [];

    private readonly FrozenDictionary<string, TemplateVariable> _base;
    private readonly Override? _overrides;
    private readonly bool _withoutIncentive;

    private TemplateVariableCatalog(FrozenDictionary<string, TemplateVariable> variables, Override? overrides, bool withoutIncentive)
    {
        _base = variables;
        _overrides = overrides;
        _withoutIncentive = withoutIncentive;
    }

    public IEnumerable<TemplateVariable> All => Names.Order(StringComparer.Ordinal).Select(name => Find(name)!);

    public IEnumerable<string> Names => _overrides is null ? _base.Keys : _base.Keys.Union(_overrides.Names, StringComparer.Ordinal);

    public static TemplateVariableCatalog Create(ContactSchema schema) => new(BySchema.GetValue(schema, Build), null, withoutIncentive: false);

    public TemplateVariable? Find(string name)
    {
        var variable = _overrides?.Find(name) ?? _base.GetValueOrDefault(name);
        return _withoutIncentive && variable is { Kind: TemplateVariableKind.Incentive, IsObject: false } ? variable with { MaxLength = 0 } : variable;
    }

    /// <summary>A catalogue with <paramref name="variable"/> added, or replacing the one of the same name.</summary>
    public TemplateVariableCatalog With(TemplateVariable variable) => new(_base, new Override(variable, _overrides), _withoutIncentive);

    /// <summary>A catalogue in which the known variable <paramref name="name"/> prints at most <paramref name="maxLength"/> characters.</summary>
    public TemplateVariableCatalog WithMaxLength(string name, int? maxLength) =>
        Find(name) is { } variable ? With(variable with { MaxLength = maxLength }) : this;

    /// <summary>For a message that carries no incentive: the incentive's fields are known but print nothing.</summary>
    public TemplateVariableCatalog WithoutIncentive() => new(_base, _overrides, withoutIncentive: true);

    private static FrozenDictionary<string, TemplateVariable> Build(ContactSchema schema)
    {
        var variables = new Dictionary<string, TemplateVariable>(StringComparer.Ordinal);
        foreach (var name in schema.Names)
        {
            variables[name] = new TemplateVariable(name, TemplateVariableKind.Contact, ContactMaxLength(name, schema.Find(name)),
                $"the contact's {name.Replace('_', ' ')}");
        }

        foreach (var variable in IncentiveFields.Concat(BuiltIns).Concat(ProviderPlaceholders))
        {
            variables[variable.Name] = variable;
        }

        return variables.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Lengths for the schema's attributes: a name from a form is kept to 40 characters, an address to
    /// RFC 5321's 254, a phone number to E.164's 15 digits and a plus; other text has no bound.
    /// </summary>
    private static int? ContactMaxLength(string name, DataType? type) => name switch
    {
        "first_name" or "last_name" => 40,
        "email" => 254,
        "phone" => 16,
        "id" => 36,
        "country" => 2,
        "locale" => 35,
        "timezone" => 32,
        _ when type == DataType.Bool => 5,
        _ when type == DataType.Date => DateMaxLength,
        _ when type == DataType.Time => 5,
        _ when type == DataType.Number || type == DataType.Percent => 20,
        _ when type == DataType.Money => 24,
        _ => null,
    };

    private static readonly TemplateVariable[] IncentiveFields =
    [
        new(IncentiveObject, TemplateVariableKind.Incentive, null, "the incentive the message carries; test it with {{#if incentive}}") { IsObject = true },
        new("incentive.name", TemplateVariableKind.Incentive, null, "the incentive's name"),
        new("incentive.title", TemplateVariableKind.Incentive, null, "the incentive's title"),
        new("incentive.code", TemplateVariableKind.Incentive, null, "the contact's code, as long as its pattern"),
        new("incentive.discount", TemplateVariableKind.Incentive, 6, "the discount, such as 20%"),
        new("incentive.credit", TemplateVariableKind.Incentive, 24, "the store credit, such as EUR 10.00"),
        new("incentive.free_shipping", TemplateVariableKind.Incentive, 5, "whether shipping is free"),
        new("incentive.expires_at", TemplateVariableKind.Incentive, DateMaxLength, "when the offer expires"),
    ];

    private static readonly TemplateVariable[] BuiltIns =
    [
        new("unsubscribe_url", TemplateVariableKind.BuiltIn, LinkMaxLength, "the one-click unsubscribe link"),
        new("view_in_browser_url", TemplateVariableKind.BuiltIn, LinkMaxLength, "the link to the message as a web page"),
        new("preferences_url", TemplateVariableKind.BuiltIn, LinkMaxLength, "the link to the contact's preferences"),
        new("campaign", TemplateVariableKind.BuiltIn, null, "the campaign") { IsObject = true },
        new("campaign.name", TemplateVariableKind.BuiltIn, null, "the campaign's name"),
        new("campaign.title", TemplateVariableKind.BuiltIn, null, "the campaign's title"),
        new("stage", TemplateVariableKind.BuiltIn, null, "the stage") { IsObject = true },
        new("stage.name", TemplateVariableKind.BuiltIn, null, "the stage's name"),
        new("sender", TemplateVariableKind.BuiltIn, null, "the sender") { IsObject = true },
        new("sender.name", TemplateVariableKind.BuiltIn, null, "the sender's display name"),
        new("sender.email", TemplateVariableKind.BuiltIn, 254, "the sender's address"),
    ];

    private static readonly TemplateVariable[] ProviderPlaceholders =
    [
        new("unsubscribe", TemplateVariableKind.ProviderPlaceholder, LinkMaxLength, "SendGrid's unsubscribe link"),
        new("pm:unsubscribe", TemplateVariableKind.ProviderPlaceholder, LinkMaxLength, "Postmark's unsubscribe link"),
    ];

    /// <summary>A send's own variables, newest first: few, so a list beats copying a dictionary per send.</summary>
    private sealed record Override(TemplateVariable Variable, Override? Next)
    {
        public IEnumerable<string> Names => Next is null ? [Variable.Name] : Next.Names.Prepend(Variable.Name);

        public TemplateVariable? Find(string name)
        {
            for (var node = this; node is not null; node = node.Next)
            {
                if (node.Variable.Name == name)
                {
                    return node.Variable;
                }
            }

            return null;
        }
    }
}
