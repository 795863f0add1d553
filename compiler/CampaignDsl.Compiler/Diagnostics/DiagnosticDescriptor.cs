namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>
/// What a diagnostic code means, independent of any one occurrence: the code, a short title,
/// the default severity and a help text. Codes are never renumbered or reused.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, string Title, DiagnosticSeverity DefaultSeverity, string Help)
{
    public Diagnostic Create(SourceLocation location, string message) => new(this, DefaultSeverity, message, location);
}
