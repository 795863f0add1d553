using System.Collections.Frozen;

namespace Campaignc.Output;

/// <summary>The output formats by the name given to --format.</summary>
public static class DiagnosticFormats
{
    public static FrozenDictionary<string, Func<bool, IDiagnosticWriter>> All { get; } =
        new Dictionary<string, Func<bool, IDiagnosticWriter>>
        {
            ["text"] = color => new TextDiagnosticWriter(color),
            ["json"] = _ => new JsonDiagnosticWriter(),
            ["sarif"] = _ => new SarifDiagnosticWriter(),
            ["github"] = _ => new GitHubDiagnosticWriter(),
        }.ToFrozenDictionary();
}
