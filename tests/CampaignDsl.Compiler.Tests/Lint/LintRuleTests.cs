using System.Text;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Tests.Infrastructure;

namespace CampaignDsl.Compiler.Tests.Lint;

/// <summary>The linter's framework: levels and options from campaignc.yaml, the rule catalogue, and when rules run.</summary>
public sealed partial class LintRuleTests
{
    /// <summary>A re-engagement campaign that meets every benchmark except the control group.</summary>
    internal const string WithoutHoldout = """
        campaign we_miss_you "We miss you" {
          type reengagement
          owner "crm@shop.example"
          from "Anna from Shop <anna@shop.example>"
          audience { where subscribed and days_since(last email.open) between 90 and 180 }
          policy {
            finally suppress "inactive"
          }
          incentive back50 { discount 50% expires 72h after send }
          stage recognition { send email body "Hi! <a href=\"https://shop.example\">Back</a> {{unsubscribe_url}}" { subject "Where were you?" weight 50 subject "Miss us?" weight 50 } }
          stage value_reminder after 5d..7d { send email body "New! <a href=\"https://shop.example\">See</a> {{unsubscribe_url}}" subject "What you missed" }
          stage incentive after 7d..10d { send email body "50% off. <a href=\"https://shop.example\">Shop</a> {{unsubscribe_url}}" subject "50% off, 72 hours" incentive back50 }
          stage preference_update after 7d..10d { send email body "<a href=\"{{preferences_url}}\">Choose</a> {{unsubscribe_url}}" subject "Your choice" }
          stage last_chance after 10d..14d { send email body "We will stop emailing you. <a href=\"https://shop.example\">Stay</a> {{unsubscribe_url}}" subject "Is this goodbye?" }
        }
        """;

    [Fact]
    public void Rules_have_unique_kebab_case_ids_and_cite_a_seed()
    {
        Assert.True(LintRules.All.Length >= 14, $"expected at least 14 lint rules, found {LintRules.All.Length}");
        Assert.Equal(LintRules.All.Length, LintRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(LintRules.All, rule =>
        {
            Assert.Matches(KebabCase(), rule.Id);
            Assert.Matches(SeedCitation(), rule.Help);
            Assert.Equal(rule.Id, rule.DiagnosticDescriptor.Code);
            Assert.Same(rule, LintRules.Find(rule.Id));
            Assert.Equal(rule.Options, LintRules.Registry.Find(rule.Id)!.Options);
            Assert.True(rule.GetType().IsSealed, $"{rule.GetType().Name} should be sealed");
        });
    }

    [Fact]
    public void Rule_ids_never_look_like_compiler_codes()
    {
        Assert.DoesNotContain(LintRules.All, r => DiagnosticCatalog.All.Any(d => d.Code == r.Id));
    }

    [Fact]
    public void Rules_report_at_their_default_level_without_configuration()
    {
        var holdout = Single(Lint(WithoutHoldout), "reengagement-without-holdout");
        Assert.Equal(DiagnosticSeverity.Warning, holdout.Severity);
        Assert.Equal("we_miss_you", Spanned(holdout));
    }

    [Theory]
    [InlineData("info", DiagnosticSeverity.Info)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public void A_configured_level_sets_the_severity(string level, DiagnosticSeverity expected)
    {
        var compilation = Lint(WithoutHoldout, $"lint:\n  rules:\n    reengagement-without-holdout: {level}\n");

        Assert.Equal(expected, Single(compilation, "reengagement-without-holdout").Severity);
        Assert.Equal(expected == DiagnosticSeverity.Error, compilation.HasErrors);
    }

    [Fact]
    public void Level_off_disables_a_rule_and_leaves_the_others()
    {
        var compilation = Lint(WithoutHoldout, "lint:\n  rules:\n    reengagement-without-holdout: off\n");

        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "reengagement-without-holdout");
        Assert.Contains(compilation.Diagnostics, d => d.Code == "discount-above-maximum");
    }

    [Fact]
    public void A_block_with_only_options_keeps_the_default_level()
    {
        var compilation = Lint(WithoutHoldout, "lint:\n  rules:\n    discount-above-maximum: { max: 10% }\n");

        Assert.Equal(DiagnosticSeverity.Warning, Single(compilation, "discount-above-maximum").Severity);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("discount-above-maximum: { max: 50% }", false)]
    [InlineData("discount-above-maximum: { max: 49% }", true)]
    [InlineData("discount-above-maximum: { level: error, max: 60% }", false)]
    public void Discount_maximum_is_an_option(string setting, bool reported)
    {
        var compilation = Lint(WithoutHoldout, setting.Length == 0 ? "" : $"lint:\n  rules:\n    {setting}\n");

        Assert.Equal(reported, compilation.Diagnostics.Any(d => d.Code == "discount-above-maximum"));
    }

    [Fact]
    public void Types_option_chooses_the_campaign_types_a_rule_applies_to()
    {
        var compilation = Lint(WithoutHoldout, "lint:\n  rules:\n    reengagement-without-holdout: { types: [winback] }\n");

        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "reengagement-without-holdout");
    }

    [Theory]
    [InlineData("sequence-too-short: { min: 42d }", "sequence-too-short", true)]
    [InlineData("sequence-too-long: { max: 5w }", "sequence-too-long", true)]
    [InlineData("holdout-not-ten-percent: { min: 12% }", "holdout-not-ten-percent", false)]
    [InlineData("reengagement-message-count: { min: 6, max: 8 }", "reengagement-message-count", true)]
    [InlineData("subject-line-too-long: { max: 10 }", "subject-line-too-long", true)]
    [InlineData("no-subject-line-test: { min_stages: 2 }", "no-subject-line-test", false)]
    public void Options_move_the_thresholds(string setting, string rule, bool reported)
    {
        var compilation = Lint(WithoutHoldout, $"lint:\n  rules:\n    {setting}\n");

        Assert.Empty(ConfigurationProblems($"lint:\n  rules:\n    {setting}\n"));
        Assert.Equal(reported, compilation.Diagnostics.Any(d => d.Code == rule));
    }

    [Fact]
    public void The_configuration_loader_knows_every_rule_and_option()
    {
        var yaml = new StringBuilder("lint:\n  rules:\n");
        foreach (var rule in LintRules.All)
        {
            yaml.Append("    ").Append(rule.Id).Append(": { level: info");
            foreach (var option in rule.Options)
            {
                yaml.Append(", ").Append(option.Name).Append(": ").Append(option.Kind switch
                {
                    LintOptionKind.Percent => "10%",
                    LintOptionKind.Number => "3",
                    LintOptionKind.Duration => "14d",
                    LintOptionKind.List => "[reengagement]",
                    _ => "ecommerce",
                });
            }

            yaml.Append(" }\n");
        }

        Assert.Empty(ConfigurationProblems(yaml.ToString()));
        Assert.Equal("CDSL0074", Assert.Single(ConfigurationProblems("lint:\n  rules:\n    discount-above-maximum: { maximum: 10% }\n")).Code);
        Assert.Equal("CDSL0079", Assert.Single(ConfigurationProblems("lint:\n  rules:\n    discount-above-maximun: warning\n")).Code);
    }

    [Fact]
    public void An_unknown_industry_is_reported_at_the_option_in_campaignc_yaml()
    {
        var compilation = Lint(WithoutHoldout, "lint:\n  rules:\n    inactivity-threshold-outside-industry: { industry: retail }\n");

        var problem = Single(compilation, "inactivity-threshold-outside-industry");
        Assert.Equal("campaignc.yaml", problem.Location.Path);
        Assert.Equal(4, problem.Location.Start.Line);
    }

    [Fact]
    public void Rules_do_not_run_on_a_campaign_with_errors()
    {
        var broken = WithoutHoldout.Replace("type reengagement", "type reengagment", StringComparison.Ordinal);

        var compilation = Lint(broken);

        Assert.True(compilation.HasErrors);
        Assert.DoesNotContain(compilation.Diagnostics, d => LintRules.Find(d.Code) is not null);
    }

    [Fact]
    public void Every_rule_has_a_valid_and_an_invalid_baseline_case()
    {
        var cases = BaselineCase.DiscoverAll().Where(c => c.LintRule is not null).ToList();
        foreach (var rule in LintRules.All)
        {
            var own = cases.Where(c => c.LintRule == rule.Id).ToList();
            Assert.True(own.Any(c => c.ExpectsErrors), $"lint rule `{rule.Id}` has no Baselines/Lint/{rule.Id}/Invalid* case");
            Assert.True(own.Any(c => !c.ExpectsErrors), $"lint rule `{rule.Id}` has no Baselines/Lint/{rule.Id}/Valid* case");
        }

        var strays = cases.Select(c => c.LintRule!).Where(id => LintRules.Find(id) is null).Distinct().ToList();
        Assert.True(strays.Count == 0, $"Baselines/Lint/ has folders for rules that do not exist: {string.Join(", ", strays)}");
    }

    internal static CampaignCompilation Lint(string campaign, string yaml = "")
    {
        var options = CompilationOptions.Default;
        if (yaml.Length > 0)
        {
            var loaded = Load(yaml);
            Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
            options = options.WithConfiguration(loaded.Configuration);
        }

        return CampaignCompilation.Compile([("a.campaign", Encoding.UTF8.GetBytes(campaign))], options);
    }

    internal static Diagnostic Single(CampaignCompilation compilation, string code)
    {
        var found = compilation.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got:\n{string.Join('\n', compilation.Diagnostics)}");
        return found[0];
    }

    internal static string Spanned(Diagnostic diagnostic) =>
        diagnostic.Location.Source.Text.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length);

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> ConfigurationProblems(string yaml) => Load(yaml).Diagnostics;

    private static LoadedConfiguration Load(string yaml) =>
        new ConfigurationLoader(LintRules.Registry).Load(Path.Combine(Path.GetTempPath(), "campaignc.yaml"), Encoding.UTF8.GetBytes("version: 1\n" + yaml), "campaignc.yaml");

    [GeneratedRegex("^[a-z]+(-[a-z]+)+$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"seeds/00\d")]
    private static partial Regex SeedCitation();
}
