namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>
/// Diagnostics of C# plugin scripts (CDSL0101-CDSL0103): reported at the script's own file and line, or at the
/// <c>plugins:</c> item of campaignc.yaml that names a missing script. docs/configuration.md ("Plugins").
/// </summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PluginDoesNotCompile = Error("CDSL0101", "Plugin script does not compile",
        "A C# script named in `plugins:` has a compile error; the C# compiler's message and code (CSxxxx) follow. `campaignc validate` compiles scripts but never runs them.");

    public static readonly DiagnosticDescriptor PluginNotFound = Error("CDSL0102", "Plugin script not found",
        "`plugins:` names a file that does not exist; paths are relative to the folder of campaignc.yaml.");

    public static readonly DiagnosticDescriptor InvalidPluginFunction = Error("CDSL0103", "Plugin function cannot be called from campaigns",
        "A `[CampaignFunction]` method must be static, take and return only text (string), number (decimal, int, long, double), yes/no (bool) or date (DateOnly, DateTimeOffset) values, and have a lower_snake_case name that no built-in function or other plugin function has.");

    public static Diagnostic PluginCompileError(SourceLocation at, string compilerCode, string message) =>
        PluginDoesNotCompile.Create(at, $"{message} ({compilerCode})");

    public static Diagnostic PluginScriptMissing(SourceLocation at, string written) =>
        PluginNotFound.Create(at, $"plugin script {Quote(written)} does not exist; paths are relative to the folder of campaignc.yaml");

    public static Diagnostic PluginFunctionInvalid(SourceLocation at, string function, string problem) =>
        InvalidPluginFunction.Create(at, $"plugin function `{function}` {problem}");
}
