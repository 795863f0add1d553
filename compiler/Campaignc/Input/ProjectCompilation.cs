using System.Collections.Immutable;
using CampaignDsl.Compiler;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Compiler.Files;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Semantics.Importing;
using CampaignDsl.Compiler.Templates;

namespace Campaignc.Input;

/// <summary>
/// The one way every command (validate, compile, preview, simulate, run) compiles campaign files: the files given,
/// together with the rest of their project (every <c>*.campaign</c> below the folder of campaignc.yaml), with the
/// project's settings, templates, imports and plugin functions. So a hand-off (<c>then enroll nurture</c>) finds a
/// target that lives in another file whichever command is asked, and a campaign that validates also compiles.
/// Without a campaignc.yaml the files given are the whole project.
/// <para>
/// A project file that was not given is context: its errors are reported and stop the command (the project does not
/// compile, and its plan may be the hand-off's target), its warnings are left to whoever checks that file.
/// </para>
/// </summary>
public sealed class ProjectCompilation
{
    private readonly ImmutableHashSet<string> _given;
    private readonly ImmutableHashSet<string> _context;

    private ProjectCompilation(int givenCount, ImmutableHashSet<string> given, ImmutableHashSet<string> context, CompilationOptions options, CampaignCompilation compilation)
    {
        GivenCount = givenCount;
        _given = given;
        _context = context;
        Options = options;
        Compilation = compilation;
        Diagnostics = Relevant(compilation.Diagnostics);
    }

    /// <summary>How many files were given (what a report counts as checked).</summary>
    public int GivenCount { get; }

    public CompilationOptions Options { get; }

    public CampaignCompilation Compilation { get; }

    /// <summary>The diagnostics of the files given (and the templates and imports they use), and every error.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Compiles <paramref name="givenFiles"/> (full paths of .campaign files) with their project; null with
    /// <paramref name="problem"/> when a file cannot be read.
    /// </summary>
    public static ProjectCompilation? Compile(
        IReadOnlyList<string> givenFiles, ProjectConfiguration configuration, ImmutableArray<FunctionSignature> pluginFunctions, string cwd, out string? problem)
    {
        var given = givenFiles.Select(f => Path.GetFullPath(f, cwd)).ToHashSet(StringComparer.Ordinal);
        var project = configuration.FilePath is { } yaml ? SourceFileFinder.Find([Path.GetDirectoryName(yaml)!], cwd).Files : [];
        var all = given.Concat(project.Select(f => Path.GetFullPath(f, cwd))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var files = new List<(string, byte[])>();
        foreach (var file in all)
        {
            var read = SourceFiles.Read(file, SourceFileFinder.Display(file, cwd));
            if (read.Bytes is null)
            {
                problem = read.Problem;
                return null;
            }

            files.Add((SourceFileFinder.Display(file, cwd), read.Bytes));
        }

        var options = new CompilationOptions
            {
                Templates = new FileSystemTemplateSource(configuration.Templates.Folders, ProjectRoot.For(configuration.FilePath)),
                Imports = new FileSystemImportSource(ProjectRoot.For(configuration.FilePath)),
            }
            .WithConfiguration(configuration) with { PluginFunctions = pluginFunctions.IsDefault ? [] : pluginFunctions };
        var shownGiven = given.Select(f => SourceFileFinder.Display(f, cwd)).ToImmutableHashSet(StringComparer.Ordinal);
        var context = files.Select(f => f.Item1).Where(f => !shownGiven.Contains(f)).ToImmutableHashSet(StringComparer.Ordinal);
        problem = null;
        return new ProjectCompilation(given.Count, shownGiven, context, options, CampaignCompilation.Compile(files, options));
    }

    /// <summary>The plans of every campaign of the project, with the emitter's diagnostics filtered as <see cref="Diagnostics"/> are.</summary>
    public EmitResult Emit()
    {
        var emitted = PlanEmitter.Emit(Compilation, Options);
        return emitted with { Diagnostics = Relevant(emitted.Diagnostics) };
    }

    /// <summary>Whether the plan's campaign is in one of the files given (rather than in the project around them).</summary>
    public bool IsGiven(EmittedPlan plan) => _given.Contains(plan.CampaignPath);

    private ImmutableArray<Diagnostic> Relevant(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.IsError || !_context.Contains(d.Location.Path))];
}
