using System.Collections.Immutable;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Configuration.Yaml;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Reads <c>lint:</c>. Each rule under <c>rules</c> takes a level (<c>rule-id: warning</c>) or a
/// block of a level and options (<c>rule-id: { level: error, max: 40% }</c>), checked against the
/// rule's descriptor in the registry. A rule the registry does not have is reported and ignored.
/// </summary>
internal static class LintSection
{
    private const string LevelExpected = "a level: off, info, warning or error";

    private static readonly Dictionary<string, LintLevel> Levels = new(StringComparer.Ordinal)
    {
        ["off"] = LintLevel.Off,
        ["info"] = LintLevel.Info,
        ["warning"] = LintLevel.Warning,
        ["error"] = LintLevel.Error,
    };

    public static LintSettings Read(ConfigurationReader reader, YamlEntry section, ILintRuleRegistry registry)
    {
        var rules = ImmutableSortedDictionary.CreateBuilder<string, LintRuleSetting>(StringComparer.Ordinal);
        foreach (var block in reader.Known(reader.Entries(section, "rules: { rule-id: warning }"), "lint", ConfigurationKeys.Lint))
        {
            foreach (var entry in reader.Entries(block, "rule-id: warning"))
            {
                if (registry.Find(entry.Key) is not { } rule)
                {
                    reader.Report(DiagnosticCatalog.LintRuleNotFound(reader.At(entry.KeyNode), entry.Key,
                        NameSuggester.Suggest(entry.Key, registry.Rules.Select(r => r.Id))));
                    continue;
                }

                if (Rule(reader, entry, rule) is { } setting)
                {
                    rules[rule.Id] = setting;
                }
            }
        }

        return new LintSettings(rules.ToImmutable());
    }

    private static LintRuleSetting? Rule(ConfigurationReader reader, YamlEntry entry, LintRuleDescriptor rule)
    {
        var options = ImmutableSortedDictionary.CreateBuilder<string, LintOptionValue>(StringComparer.Ordinal);
        var at = reader.At(entry.KeyNode);
        if (entry.Value is not YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            return Level(reader, entry) is { } level ? new LintRuleSetting(rule.Id, level, options.ToImmutable(), at) : null;
        }

        var configured = rule.DefaultLevel;
        foreach (var option in reader.Entries(entry, "level: warning"))
        {
            if (option.Key == LintRuleDescriptor.LevelKey)
            {
                configured = Level(reader, option) ?? configured;
            }
            else if (rule.FindOption(option.Key) is { } descriptor)
            {
                if (LintOptionValues.Read(reader, option, descriptor.Kind) is { } value)
                {
                    options[option.Key] = value;
                }
            }
            else
            {
                var names = rule.Options.Select(o => o.Name).ToList();
                reader.Report(DiagnosticCatalog.LintOptionNotFound(reader.At(option.KeyNode), option.Key, rule.Id, names,
                    NameSuggester.Suggest(option.Key, names.Append(LintRuleDescriptor.LevelKey))));
            }
        }

        return new LintRuleSetting(rule.Id, configured, options.ToImmutable(), at);
    }

    private static LintLevel? Level(ConfigurationReader reader, YamlEntry entry)
    {
        if (reader.Text(entry, LevelExpected) is not { } text)
        {
            return null;
        }

        if (Levels.TryGetValue(text, out var level))
        {
            return level;
        }

        reader.Report(DiagnosticCatalog.ConfigurationValueInvalid(reader.AtValue(entry), entry.Path, text, LevelExpected,
            NameSuggester.Suggest(text, Levels.Keys) ?? (text == "warn" ? "warning" : null)));
        return null;
    }
}
