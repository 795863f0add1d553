using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Tests.Infrastructure;

namespace CampaignDsl.Compiler.Tests;

/// <summary>
/// Compiles each case under Baselines/ and compares the diagnostics, interleaved with the source,
/// with the case's diagnostics.txt. Run with UPDATE_BASELINES=1 to rewrite the expected files.
/// </summary>
public sealed class BaselineTests
{
    private const string InConfigurationTests = "a campaignc.yaml code, not a campaign's; Configuration/ tests assert it with its line and span";

    /// <summary>Codes no baseline produces, and why; every other code must show up in some case.</summary>
    private static readonly Dictionary<string, string> CodesWithoutBaseline = new(StringComparer.Ordinal)
    {
        [DiagnosticCatalog.FileTooLarge.Code] = "needs a file over 1 MB; Campaignc.Tests' BadInputTests builds one at test time",
        [DiagnosticCatalog.ConfigurationNotText.Code] = InConfigurationTests,
        [DiagnosticCatalog.InvalidYaml.Code] = InConfigurationTests,
        [DiagnosticCatalog.EmptyConfiguration.Code] = InConfigurationTests,
        [DiagnosticCatalog.UnsupportedConfigurationVersion.Code] = InConfigurationTests,
        [DiagnosticCatalog.UnknownConfigurationKey.Code] = InConfigurationTests,
        [DiagnosticCatalog.DuplicateConfigurationKey.Code] = InConfigurationTests,
        [DiagnosticCatalog.ConfigurationValueWrongKind.Code] = InConfigurationTests,
        [DiagnosticCatalog.InvalidConfigurationValue.Code] = InConfigurationTests,
        [DiagnosticCatalog.MissingConfigurationKey.Code] = InConfigurationTests,
        [DiagnosticCatalog.UnknownLintRule.Code] = InConfigurationTests,
        [DiagnosticCatalog.PluginDoesNotCompile.Code] = InPluginTests,
        [DiagnosticCatalog.PluginNotFound.Code] = InPluginTests,
        [DiagnosticCatalog.InvalidPluginFunction.Code] = InPluginTests,
        [DiagnosticCatalog.PathLeavesProject.Code] =
            "needs real folders, links and a project root; Campaignc.Tests' PathConfinementTests assert it for templates, imports, plugins, #load and template folders",
    };

    /// <summary>Plugin scripts are compiled by campaignc (CampaignDsl.Plugins), not the compiler library a baseline runs.</summary>
    private const string InPluginTests = "plugin scripts are compiled by campaignc; Campaignc.Tests' PluginTests report each code at its file and line";

    public static TheoryData<string> Cases
    {
        get
        {
            var cases = BaselineCase.DiscoverAll();
            if (cases.Count == 0)
            {
                throw new InvalidOperationException($"no baseline cases found under {BaselineCase.Root}");
            }

            return [.. cases.Select(c => c.Id)];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_the_baseline(string caseId)
    {
        var baseline = BaselineCase.FromId(caseId);
        var inputs = baseline.ReadInputs();
        Assert.NotEmpty(inputs);

        var compilation = baseline.Compile();

        BaselineFile.AssertMatches(baseline.ExpectedDiagnosticsPath, baseline.ActualDiagnosticsPath,
            AnnotatedSource.Render([.. inputs, .. baseline.ReadTemplates()], [.. baseline.ConfigurationDiagnostics, .. compilation.Diagnostics]));
        var errors = compilation.Diagnostics.Where(d => d.IsError && d.Code != baseline.LintRule).ToList();
        if (baseline.LintRule is { } rule)
        {
            // A lint case has no compiler errors (lint rules only run on campaigns without), even when its rule is set to `error`.
            Assert.True(errors.Count == 0, $"{caseId} is a lint case, so it must compile without errors, but has:\n{string.Join('\n', errors)}");
            var reported = compilation.Diagnostics.Count(d => d.Code == rule);
            Assert.True(baseline.ExpectsErrors ? reported > 0 : reported == 0,
                baseline.ExpectsErrors ? $"{caseId} is named Invalid* but lint rule `{rule}` reports nothing" : $"{caseId} should not trigger lint rule `{rule}`");
        }
        else if (baseline.ExpectsErrors)
        {
            Assert.True(errors.Count > 0, $"{caseId} is named Invalid* but compiles without errors");
        }
        else
        {
            Assert.True(errors.Count == 0, $"{caseId} should compile without errors, but has:\n{string.Join('\n', errors)}");
        }
    }

    [Fact]
    public void Discovery_finds_cases_each_with_input_and_expected_output()
    {
        var cases = BaselineCase.DiscoverAll();

        Assert.True(cases.Count >= 30, $"expected at least 30 baseline cases under {BaselineCase.Root}, found {cases.Count}");
        Assert.All(cases, c =>
        {
            Assert.True(Directory.GetFiles(c.Folder, "*.campaign").Length > 0, $"{c.Id} has no .campaign input");
            Assert.True(BaselineFile.Updating || File.Exists(c.ExpectedDiagnosticsPath), $"{c.Id} has no {BaselineCase.ExpectedDiagnosticsFile}");
        });
    }

    [Fact]
    public void Every_diagnostic_code_has_a_baseline()
    {
        var produced = BaselineCase.DiscoverAll()
            .SelectMany(c => c.Compile().Diagnostics)
            .Select(d => d.Code)
            .ToHashSet(StringComparer.Ordinal);

        var missing = DiagnosticCatalog.All
            .Select(d => d.Code)
            .Where(code => !produced.Contains(code) && !CodesWithoutBaseline.ContainsKey(code))
            .ToList();
        Assert.True(missing.Count == 0, $"no baseline case produces {string.Join(", ", missing)}; add an Invalid* case under Baselines/");

        var producedAnyway = CodesWithoutBaseline.Keys.Where(produced.Contains).ToList();
        Assert.True(producedAnyway.Count == 0, $"{string.Join(", ", producedAnyway)} now has a baseline; remove it from {nameof(CodesWithoutBaseline)}");
    }
}
