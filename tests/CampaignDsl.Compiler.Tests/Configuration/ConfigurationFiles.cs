using System.Text;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Lint;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>Loads campaignc.yaml text the way the command line does, and reads diagnostics back by code and span.</summary>
internal static class ConfigurationFiles
{
    /// <summary>Where the tests pretend the file is; nothing is read from there.</summary>
    public static readonly string FilePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "project", "campaignc.yaml"));

    public static string Folder => System.IO.Path.GetDirectoryName(FilePath)!;

    /// <summary>Lint rules as the analyzers will describe theirs: one option of every kind.</summary>
    public static readonly LintRuleRegistry TestRules = new(
    [
        new LintRuleDescriptor("discount-above-maximum", LintLevel.Warning, [new("max", LintOptionKind.Percent)]),
        new LintRuleDescriptor("sequence-too-short", LintLevel.Warning, [new("min", LintOptionKind.Duration), new("stages", LintOptionKind.Number)]),
        new LintRuleDescriptor("named-sender", LintLevel.Info, [new("brand", LintOptionKind.Text)]),
        new LintRuleDescriptor("allowed-channels", LintLevel.Off, [new("channels", LintOptionKind.List)]),
    ]);

    public static LoadedConfiguration Load(string yaml, ILintRuleRegistry? rules = null) =>
        LoadBytes(new UTF8Encoding(false).GetBytes(yaml), rules);

    public static LoadedConfiguration LoadBytes(byte[] bytes, ILintRuleRegistry? rules = null) =>
        new ConfigurationLoader(rules ?? TestRules).Load(FilePath, bytes, "campaignc.yaml");

    /// <summary>The one diagnostic the file has; fails listing them all when there are more or none.</summary>
    public static Diagnostic Single(LoadedConfiguration loaded)
    {
        Assert.True(loaded.Diagnostics.Length == 1, $"expected one diagnostic, got:\n{Describe(loaded)}");
        return loaded.Diagnostics[0];
    }

    /// <summary>Asserts one diagnostic with this code, its line and the text its span covers.</summary>
    public static Diagnostic AssertOnly(LoadedConfiguration loaded, string code, int line, string spanned)
    {
        var diagnostic = Single(loaded);
        AssertAt(diagnostic, code, line, spanned);
        return diagnostic;
    }

    public static void AssertAt(Diagnostic diagnostic, string code, int line, string spanned)
    {
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal("campaignc.yaml", diagnostic.Location.Path);
        Assert.True(line == diagnostic.Location.Start.Line, $"expected line {line}: {diagnostic}");
        Assert.Equal(spanned, Spanned(diagnostic));
    }

    public static void AssertClean(LoadedConfiguration loaded) =>
        Assert.True(loaded.Diagnostics.IsEmpty, $"expected no diagnostics, got:\n{Describe(loaded)}");

    public static string Spanned(Diagnostic diagnostic) =>
        diagnostic.Location.Source.Text.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length);

    public static string Describe(LoadedConfiguration loaded) => string.Join('\n', loaded.Diagnostics);
}
