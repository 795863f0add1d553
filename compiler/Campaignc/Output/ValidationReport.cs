using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;

namespace Campaignc.Output;

/// <summary>What one validate run found, ready for any output format.</summary>
public sealed record ValidationReport(int FileCount, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The report of a run; with <paramref name="warningsAsErrors"/> every warning counts, and prints, as an error.</summary>
    public static ValidationReport Create(int fileCount, ImmutableArray<Diagnostic> diagnostics, bool warningsAsErrors) =>
        new(fileCount, warningsAsErrors
            ? [.. diagnostics.Select(d => d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d)]
            : diagnostics);

    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    public int InfoCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);

    public string Summary() =>
        $"{Plural(FileCount, "file")} checked: {Plural(ErrorCount, "error")}, {Plural(WarningCount, "warning")}";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
