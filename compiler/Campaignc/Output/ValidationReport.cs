using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;

namespace Campaignc.Output;

/// <summary>What one validate run found, ready for any output format.</summary>
public sealed record ValidationReport(int FileCount, ImmutableArray<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    public int InfoCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);

    public string Summary() =>
        $"{Plural(FileCount, "file")} checked: {Plural(ErrorCount, "error")}, {Plural(WarningCount, "warning")}";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
