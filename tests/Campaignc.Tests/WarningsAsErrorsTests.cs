using System.Collections.Immutable;
using Campaignc.Output;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;

namespace Campaignc.Tests;

/// <summary>
/// <c>--warnings-as-errors</c> turns warnings into errors, nothing else. The compiler reports no
/// warnings yet, so the mapping is tested on made-up diagnostics.
/// </summary>
public sealed class WarningsAsErrorsTests
{
    private static readonly SourceText Source = new("x.campaign", "campaign x {}\n");

    private static readonly ImmutableArray<Diagnostic> Mixed =
    [
        Make(DiagnosticSeverity.Error, "e"),
        Make(DiagnosticSeverity.Warning, "w1"),
        Make(DiagnosticSeverity.Info, "i"),
        Make(DiagnosticSeverity.Warning, "w2"),
    ];

    [Fact]
    public void Without_the_option_severities_stay()
    {
        var report = ValidationReport.Create(1, Mixed, warningsAsErrors: false);

        Assert.Equal((1, 2, 1), (report.ErrorCount, report.WarningCount, report.InfoCount));
        Assert.Equal(Mixed, report.Diagnostics);
    }

    [Fact]
    public void With_the_option_warnings_become_errors_and_infos_stay()
    {
        var report = ValidationReport.Create(1, Mixed, warningsAsErrors: true);

        Assert.Equal((3, 0, 1), (report.ErrorCount, report.WarningCount, report.InfoCount));
        Assert.Equal(
            [DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Info, DiagnosticSeverity.Error],
            report.Diagnostics.Select(d => d.Severity));
        // Only the severity changes: same code, message, place and order.
        Assert.Equal(Mixed.Select(d => (d.Code, d.Message, d.Location)), report.Diagnostics.Select(d => (d.Code, d.Message, d.Location)));
        Assert.Equal("1 file checked: 3 errors, 0 warnings", report.Summary());
    }

    [Fact]
    public void Only_warnings_fail_the_run_only_with_the_option()
    {
        ImmutableArray<Diagnostic> warnings = [Make(DiagnosticSeverity.Warning, "w")];

        Assert.Equal(0, ValidationReport.Create(1, warnings, warningsAsErrors: false).ErrorCount);
        Assert.Equal(1, ValidationReport.Create(1, warnings, warningsAsErrors: true).ErrorCount);
    }

    [Fact]
    public void Promoted_warnings_print_as_errors()
    {
        var output = new StringWriter();

        new TextDiagnosticWriter(color: false).Write(ValidationReport.Create(1, [Make(DiagnosticSeverity.Warning, "w")], true), output);

        Assert.StartsWith("x.campaign(1,10): error CDSL0009: w", output.ToString(), StringComparison.Ordinal);
    }

    private static Diagnostic Make(DiagnosticSeverity severity, string message) =>
        DiagnosticCatalog.SyntaxError.Create(new SourceLocation(Source, new TextSpan(9, 1)), message) with { Severity = severity };
}
