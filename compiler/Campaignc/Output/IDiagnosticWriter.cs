namespace Campaignc.Output;

/// <summary>One output format of <c>campaignc validate</c>.</summary>
public interface IDiagnosticWriter
{
    void Write(ValidationReport report, TextWriter output);
}
