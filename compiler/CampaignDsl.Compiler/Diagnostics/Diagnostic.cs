namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>One finding about a campaign: a stable code, a severity, a message and where.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    public string Code => Descriptor.Code;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var start = Location.Start;
        return $"{Location.Path}({start.Line},{start.Column}): {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
