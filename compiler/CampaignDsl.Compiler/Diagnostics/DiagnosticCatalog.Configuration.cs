using CampaignDsl.Compiler.Configuration.Yaml;

namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>
/// Diagnostics of the project configuration file, campaignc.yaml (CDSL0070-CDSL0079). Messages name
/// the key as a dotted path from the top of the file (<c>defaults.timezone</c>) and say what to write.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ConfigurationNotText = Error("CDSL0070", "Configuration file is not UTF-8 text",
        "campaignc.yaml is read as UTF-8 text of at most 1 MB. Re-save it as UTF-8 (most editors: 'Save with encoding').");

    public static readonly DiagnosticDescriptor InvalidYaml = Error("CDSL0071", "Configuration is not valid YAML",
        "campaignc.yaml must be one YAML document of `key: value` lines, indented with spaces (two per level), with values that contain `: `, `#` or start with `@`, `` ` `` or `%` in quotes.");

    public static readonly DiagnosticDescriptor EmptyConfiguration = Warning("CDSL0072", "Configuration file is empty",
        "A campaignc.yaml with no settings changes nothing; write at least `version: 1`, or delete the file.");

    public static readonly DiagnosticDescriptor UnsupportedConfigurationVersion = Error("CDSL0073", "Unsupported configuration version",
        "`version` says which edition of the configuration format the file is written in; this campaignc reads `version: 1`.");

    public static readonly DiagnosticDescriptor UnknownConfigurationKey = Error("CDSL0074", "Unknown configuration key",
        "A key that campaignc.yaml does not have at this place, often a misspelling or a key indented under the wrong section; docs/configuration.md lists every key.");

    public static readonly DiagnosticDescriptor DuplicateConfigurationKey = Error("CDSL0075", "Configuration key given twice",
        "YAML keys are unique within their block; with two, one would silently win, so the second is ignored and reported.");

    public static readonly DiagnosticDescriptor ConfigurationValueWrongKind = Error("CDSL0076", "Configuration value of the wrong kind",
        "A key is given a value of another kind than it takes: a text where a block of keys or a list belongs, a number where a percentage belongs, or nothing at all.");

    public static readonly DiagnosticDescriptor InvalidConfigurationValue = Error("CDSL0077", "Invalid configuration value",
        "A value of the right kind that is still not allowed: an unknown time zone, level, type or kind, a malformed time window or address, or a name that campaigns could not use.");

    public static readonly DiagnosticDescriptor MissingConfigurationKey = Error("CDSL0078", "Required configuration key missing",
        "Some blocks need certain keys, such as `kind` in each runtime block and `path` for an sqlite store.");

    public static readonly DiagnosticDescriptor UnknownLintRule = Warning("CDSL0079", "Unknown lint rule",
        "`lint.rules` names a rule that this campaignc does not have; the setting is ignored. It may be misspelt, or written for a newer campaignc.");

    public static Diagnostic ConfigurationNotUtf8(SourceLocation at, byte value) =>
        ConfigurationNotText.Create(at, $"campaignc.yaml is not valid UTF-8 (byte 0x{value:X2} here); re-save it as UTF-8");

    public static Diagnostic ConfigurationUtf16(SourceLocation at) =>
        ConfigurationNotText.Create(at, "campaignc.yaml is UTF-16; re-save it as UTF-8");

    public static Diagnostic ConfigurationBinary(SourceLocation at) =>
        ConfigurationNotText.Create(at, "campaignc.yaml contains NUL bytes, so it is binary, not YAML text; check what the file holds");

    public static Diagnostic ConfigurationTooLarge(SourceLocation at, long limit) =>
        ConfigurationNotText.Create(at, string.Format(Invariant,
            "campaignc.yaml is larger than {0:0.#} MB, the most it may be (reading stopped there). Keep data (contacts, events) in the files that `runtime.data` names",
            limit / 1048576.0));

    public static Diagnostic YamlTabIndentation(SourceLocation at) =>
        InvalidYaml.Create(at, "YAML does not allow tabs for indentation; indent with spaces, two per level");

    public static Diagnostic YamlSyntax(SourceLocation at, YamlProblem problem, string detail) =>
        InvalidYaml.Create(at, problem switch
        {
            YamlProblem.Tab => "YAML does not allow a tab here; use spaces",
            YamlProblem.UnclosedQuote => "this quoted text is never closed; add the closing quote on the same value",
            YamlProblem.UnclosedList => "this list is never closed; end it with `]` and separate its items with `,`",
            YamlProblem.UnclosedBlock => "this `{ ... }` block is never closed; end it with `}` and separate its entries with `,`",
            YamlProblem.ColonInValue => "a value cannot contain `: ` unquoted, and a key cannot start deeper than the key above it; quote the value (`\"a: b\"`) or fix the indentation",
            YamlProblem.Indentation => "this line does not line up with the keys above it; keys of one block start in the same column, and a nested block is indented two spaces more",
            YamlProblem.ListIndentation => "this line does not line up with the list above it; every item of a list starts with `- ` in the same column",
            YamlProblem.ReservedCharacter => "a value cannot start with `@`, `` ` `` or `%` unquoted; put it in quotes",
            YamlProblem.UnknownAlias => $"the alias `*{detail}` refers to no anchor `&{detail}` defined before it; define the anchor first or write the value out",
            YamlProblem.TooDeep => $"blocks and lists are nested deeper than {detail} levels here; campaignc.yaml needs only a few",
            YamlProblem.MoreThanOneDocument => "campaignc.yaml holds one YAML document; remove this `---` and everything after it, or merge the two",
            _ => $"this is not valid YAML ({detail}); check the indentation (spaces, two per level) and quote values that contain `: ` or `#`",
        });

    public static Diagnostic ConfigurationEmpty(SourceLocation at) =>
        EmptyConfiguration.Create(at, "campaignc.yaml holds no settings; write `version: 1` and the sections you need, or delete the file");

    public static Diagnostic ConfigurationVersionNotSupported(SourceLocation at, string found, int supported) =>
        UnsupportedConfigurationVersion.Create(at, string.Format(Invariant,
            "this campaignc reads configuration version {0}, not {1}; write `version: {0}`", supported, found));

    public static Diagnostic ConfigurationKeyNotFound(SourceLocation at, string key, string? section, IEnumerable<string> known, string? suggestion)
    {
        var where = section is null ? "a campaignc.yaml section" : $"a key of `{section}`";
        var holds = section is null ? "the top level holds" : $"`{section}` holds";
        return UnknownConfigurationKey.Create(at, suggestion is null
            ? $"{Quote(key)} is not {where}; {holds} {List(known)}"
            : $"{Quote(key)} is not {where}{DidYouMean(suggestion)}");
    }

    public static Diagnostic ConfigurationKeyMisplaced(SourceLocation at, string key, string? section, string home) =>
        UnknownConfigurationKey.Create(at, section is null
            ? $"{Quote(key)} does not belong at the top level; move it under `{home}:`"
            : $"{Quote(key)} does not belong under `{section}`; move it under `{home}:`");

    public static Diagnostic ConfigurationKeyAtTop(SourceLocation at, string key, string section) =>
        UnknownConfigurationKey.Create(at, $"{Quote(key)} does not belong under `{section}`; write it at the top level of campaignc.yaml");

    public static Diagnostic LintOptionNotFound(SourceLocation at, string option, string rule, IEnumerable<string> options, string? suggestion) =>
        UnknownConfigurationKey.Create(at, suggestion is not null
            ? $"{Quote(option)} is not an option of lint rule `{rule}`{DidYouMean(suggestion)}"
            : options.Any()
                ? $"{Quote(option)} is not an option of lint rule `{rule}`; it takes `level` and {List(options)}"
                : $"{Quote(option)} is not an option of lint rule `{rule}`; it takes only `level`");

    public static Diagnostic ConfigurationKeyGivenTwice(SourceLocation at, string key, int firstLine) =>
        DuplicateConfigurationKey.Create(at, $"{Quote(key)} is already given at line {firstLine}; keep one (this one is ignored)");

    public static Diagnostic ConfigurationValueKind(SourceLocation at, string key, string expected, string found) =>
        ConfigurationValueWrongKind.Create(at, $"`{key}` takes {expected}, not {found}");

    public static Diagnostic ConfigurationNotABlock(SourceLocation at, string found) =>
        ConfigurationValueWrongKind.Create(at, $"campaignc.yaml must be a block of keys such as `version: 1`, not {found}");

    public static Diagnostic ConfigurationKeyNotAName(SourceLocation at, string found) =>
        ConfigurationValueWrongKind.Create(at, $"a key must be a plain name such as `timezone`, not {found}");

    public static Diagnostic ConfigurationValueInvalid(SourceLocation at, string key, string written, string expected, string? suggestion) =>
        InvalidConfigurationValue.Create(at, $"`{key}` takes {expected}, not {Quote(written)}{DidYouMean(suggestion)}");

    public static Diagnostic ConfigurationNameUnusable(SourceLocation at, string name, string what, bool keyword) =>
        InvalidConfigurationValue.Create(at, keyword
            ? $"{Quote(name)} is a keyword of the campaign language, so campaigns could not name this {what}; choose another name, such as `{name}_value`"
            : $"{Quote(name)} cannot name a {what}: names start with a letter or `_` and hold letters, digits and `_` only{(what == "event type" ? ", with `.` between parts (`style.click`)" : "")}");

    public static Diagnostic ConfigurationNameBuiltIn(SourceLocation at, string name, string what, string builtInType) =>
        InvalidConfigurationValue.Create(at, $"`{name}` is already a built-in {what} of type {builtInType}; its type cannot change, so give yours another name");

    public static Diagnostic ConfigurationNameTaken(SourceLocation at, string name, string what, string takenBy) =>
        InvalidConfigurationValue.Create(at, $"`{name}` cannot name a {what}: it is already {takenBy}, so a condition naming it would be ambiguous; choose another name");

    public static Diagnostic ConfigurationKeyRequired(SourceLocation at, string section, string key, string example) =>
        MissingConfigurationKey.Create(at, $"`{section}` needs `{key}`; add a line such as `{example}`");

    public static Diagnostic EnvironmentVariableNameInvalid(SourceLocation at, string key) =>
        InvalidConfigurationValue.Create(at, $"`{key}` takes the name of an environment variable that holds the secret (letters, digits and `_`, such as SMTP_PASSWORD), never the secret itself; the value written is not repeated here");

    public static Diagnostic AdapterKeyRequired(SourceLocation at, string block, string kind, string key, string example) =>
        MissingConfigurationKey.Create(at, $"`{block}` of kind `{kind}` needs `{key}`; add a line such as `{example}`");

    public static Diagnostic LintRuleNotFound(SourceLocation at, string rule, string? suggestion) =>
        UnknownLintRule.Create(at, $"there is no lint rule `{rule}`{DidYouMean(suggestion)}; this setting is ignored (docs/diagnostics.md lists the rules)");

    private static string List(IEnumerable<string> items)
    {
        var quoted = items.Select(i => $"`{i}`").ToList();
        return quoted.Count switch
        {
            0 => "nothing",
            1 => quoted[0],
            _ => string.Join(", ", quoted[..^1]) + " and " + quoted[^1],
        };
    }
}
