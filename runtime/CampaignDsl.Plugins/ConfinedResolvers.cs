using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Files;
using Diagnostic = CampaignDsl.Compiler.Diagnostics.Diagnostic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using SourceText = CampaignDsl.Compiler.Text.SourceText;
using TextSpan = CampaignDsl.Compiler.Text.TextSpan;

namespace CampaignDsl.Plugins;

/// <summary>
/// Keeps a script's <c>#load</c> and <c>#r</c> inside the project root: Roslyn is given resolvers that find nothing outside
/// it, and each such directive is reported as CDSL0150 at its own line before Roslyn runs, so no line of a file outside
/// the project is ever read or quoted (docs/security.md).
/// </summary>
internal static partial class ConfinedResolvers
{
    /// <summary>CDSL0150 for every <c>#load</c> or <c>#r</c> of <paramref name="text"/> that names a file outside <paramref name="root"/>.</summary>
    public static ImmutableArray<Diagnostic> Check(string path, string text, ProjectRoot root, Func<string, string> display)
    {
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (Match directive in Directive().Matches(text))
        {
            var written = directive.Groups["path"].Value;
            var kind = directive.Groups["kind"].Value;
            if (kind == "r" && !LooksLikePath(written))
            {
                continue;
            }

            var resolved = Path.GetFullPath(written, Path.GetDirectoryName(path) ?? ".");
            if (root.Problem(written, resolved) is { } problem)
            {
                var at = new SourceLocation(new SourceText(display(path), text), new TextSpan(directive.Groups["path"].Index - 1, written.Length + 2));
                problems.Add(DiagnosticCatalog.PathOutsideProject(at, kind == "r" ? "#r reference" : "#load", problem));
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>Resolves <c>#load</c> as Roslyn would, and finds nothing outside the root.</summary>
    /// <param name="replacements">Texts to give instead of a loaded file's own, by resolved path: the instrumented scripts
    /// (<see cref="BudgetInstrumenter"/>).</param>
    public sealed class Sources(ProjectRoot root, string baseFolder, IReadOnlyDictionary<string, string>? replacements = null) : SourceReferenceResolver
    {
        private readonly SourceFileResolver _inner = new([], baseFolder);

        public override string? NormalizePath(string path, string? baseFilePath) => _inner.NormalizePath(path, baseFilePath);

        public override string? ResolveReference(string path, string? baseFilePath) =>
            _inner.ResolveReference(path, baseFilePath) is { } resolved && root.Problem(path, resolved) is null ? resolved : null;

        public override Stream OpenRead(string resolvedPath) =>
            replacements?.GetValueOrDefault(resolvedPath) is { } replaced ? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(replaced), writable: false) : _inner.OpenRead(resolvedPath);

        public override bool Equals(object? other) => other is Sources sources && sources._inner.Equals(_inner);

        public override int GetHashCode() => _inner.GetHashCode();
    }

    /// <summary>Resolves <c>#r</c> as Roslyn would, but a file path outside the root resolves to nothing.</summary>
    public sealed class References(ProjectRoot root, string baseFolder) : MetadataReferenceResolver
    {
        private readonly ScriptMetadataResolver _inner = ScriptMetadataResolver.Default.WithBaseDirectory(baseFolder);

        public override bool ResolveMissingAssemblies => _inner.ResolveMissingAssemblies;

        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
            LooksLikePath(reference) && root.Problem(reference, Path.GetFullPath(reference, Path.GetDirectoryName(baseFilePath) ?? baseFolder)) is not null
                ? []
                : _inner.ResolveReference(reference, baseFilePath, properties);

        public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
            _inner.ResolveMissingAssembly(definition, referenceIdentity);

        public override bool Equals(object? other) => other is References references && references._inner.Equals(_inner);

        public override int GetHashCode() => _inner.GetHashCode();
    }

    // `#r "System.Net.Http"` names an assembly of the framework; `#r "lib/x.dll"` or "/x.dll" names a file.
    private static bool LooksLikePath(string reference) =>
        reference.Contains('/', StringComparison.Ordinal) || reference.Contains('\\', StringComparison.Ordinal)
        || reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(reference);

    [GeneratedRegex("^\\s*#(?<kind>load|r)\\s+\"(?<path>[^\"]*)\"", RegexOptions.Multiline)]
    private static partial Regex Directive();
}
