using System.Collections.Immutable;
using System.Reflection;
using CampaignDsl.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using SourceText = CampaignDsl.Compiler.Text.SourceText;
using TextSpan = CampaignDsl.Compiler.Text.TextSpan;

namespace CampaignDsl.Plugins;

/// <summary>
/// Compiles one plugin script with Roslyn's C# scripting into an assembly image (which <see cref="PluginCache"/> keeps); never runs it.
/// Compiler errors become CDSL0101 diagnostics at the script's own file, line and column (a <c>#load</c>ed file's for
/// errors in it). The image holds the script with <see cref="BudgetInstrumenter"/>'s checks, so no call into it can loop or
/// recurse past its limits. Roslyn is touched only here, so a project without plugins never loads it.
/// </summary>
internal static class PluginScriptCompiler
{
    /// <summary>What every script may use without a <c>using</c>.</summary>
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks",
        "CampaignDsl.Plugins", "CampaignDsl.Runtime.Data", "CampaignDsl.Runtime.Sending", "CampaignDsl.Compiler.Configuration.Runtime",
    ];

    /// <summary>Compiles <paramref name="text"/>; <paramref name="image"/> is the assembly's bytes when it has no errors.</summary>
    /// <param name="root">The project root: a <c>#load</c> or <c>#r</c> of a file outside it is CDSL0150, and is never read.</param>
    public static ImmutableArray<Compiler.Diagnostics.Diagnostic> Compile(
        string path, string text, Compiler.Files.ProjectRoot root, Func<string, string> display, out byte[]? image)
    {
        image = null;
        if (ConfinedResolvers.Check(path, text, root, display) is { IsEmpty: false } outside)
        {
            return outside;
        }

        var folder = Path.GetDirectoryName(path) ?? ".";
        var options = ScriptOptions.Default
            .WithFilePath(path)
            .WithSourceResolver(new ConfinedResolvers.Sources(root, folder))
            .WithMetadataResolver(new ConfinedResolvers.References(root, folder))
            .WithReferences(typeof(PluginGlobals).Assembly, typeof(Runtime.Sending.ISender).Assembly,
                typeof(Compiler.Configuration.Runtime.AdapterSettings).Assembly, typeof(CampaignDsl.Plan.CampaignPlan).Assembly)
            .WithImports(Imports)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(false);
        var script = CSharpScript.Create(text, options, typeof(PluginGlobals));
        var compilation = script.GetCompilation();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return [.. errors.Select(e => Located(e, path, text, display))];
        }

        // What is emitted is the script with the budget checks inserted; what is reported is always the script as written.
        using var emittedImage = new MemoryStream();
        var emitted = Instrumented(compilation, path, options, root, folder).Emit(emittedImage);
        if (!emitted.Success)
        {
            return [.. emitted.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(e => Located(e, path, text, display))];
        }

        var bytes = emittedImage.ToArray();
        var problems = PluginFunctionReader.Read(Assembly.Load(bytes), path).Problems;
        if (problems.Length > 0)
        {
            return [.. problems.Select(p => DiagnosticCatalog.PluginFunctionInvalid(MethodLocation(compilation, p.Method, path, text, display), p.Function, p.Problem))];
        }

        image = bytes;
        return [];
    }

    /// <summary>
    /// The script compiled again with <see cref="BudgetInstrumenter"/>'s checks in it and in every file it <c>#load</c>s
    /// (those reach Roslyn through the resolver, so it hands over their instrumented text).
    /// </summary>
    private static Compilation Instrumented(Compilation compilation, string path, ScriptOptions options, Compiler.Files.ProjectRoot root, string folder)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            texts[tree.FilePath] = BudgetInstrumenter.Instrument(tree, compilation.GetSemanticModel(tree));
        }

        var instrumented = options.WithSourceResolver(new ConfinedResolvers.Sources(root, folder, texts));
        return CSharpScript.Create(texts[path], instrumented, typeof(PluginGlobals)).GetCompilation();
    }

    private static Compiler.Diagnostics.Diagnostic Located(RoslynDiagnostic error, string path, string text, Func<string, string> display) =>
        DiagnosticCatalog.PluginCompileError(At(error.Location, path, text, display), error.Id, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

    private static SourceLocation At(Location location, string path, string text, Func<string, string> display)
    {
        if (location.SourceTree is { } tree && !string.IsNullOrEmpty(tree.FilePath))
        {
            return new SourceLocation(new SourceText(display(tree.FilePath), tree.GetText().ToString()), new TextSpan(location.SourceSpan.Start, location.SourceSpan.Length));
        }

        return new SourceLocation(new SourceText(display(path), text), new TextSpan(0, 0));
    }

    private static SourceLocation MethodLocation(Compilation compilation, string method, string path, string text, Func<string, string> display)
    {
        var symbol = compilation.GetSymbolsWithName(method, SymbolFilter.Member).FirstOrDefault(s => s.Locations.Any(l => l.IsInSource));
        return symbol is null
            ? new SourceLocation(new SourceText(display(path), text), new TextSpan(0, 0))
            : At(symbol.Locations.First(l => l.IsInSource), path, text, display);
    }
}
