using CampaignDsl.Compiler.Diagnostics;

namespace Campaignc.Output;

/// <summary>
/// GitHub Actions workflow commands, so diagnostics show as annotations on the pull request:
/// <c>::error file=..,line=..,col=..,endLine=..,endColumn=..,title=CDSL0012::message</c>.
/// </summary>
public sealed class GitHubDiagnosticWriter : IDiagnosticWriter
{
    public void Write(ValidationReport report, TextWriter output)
    {
        foreach (var d in report.Diagnostics)
        {
            var command = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            var start = d.Location.Start;
            var end = d.Location.End;
            output.WriteLine(
                $"::{command} file={Property(d.Location.Path)},line={start.Line},col={start.Column},endLine={end.Line},endColumn={end.Column},title={Property(d.Code + " " + d.Descriptor.Title)}::{Data(d.Message)}");
        }

        output.WriteLine(report.Summary());
    }

    // Escaping as the runner's own toolkit does it (actions/toolkit, command.ts).
    private static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
