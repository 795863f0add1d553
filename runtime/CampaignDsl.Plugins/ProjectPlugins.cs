using System.Collections.Immutable;
using System.Reflection;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Runtime.Plugins;
using SourceText = CampaignDsl.Compiler.Text.SourceText;
using TextSpan = CampaignDsl.Compiler.Text.TextSpan;

namespace CampaignDsl.Plugins;

/// <summary>
/// The plugin scripts of a project, compiled (or loaded from the <see cref="PluginCache"/>) but not yet run:
/// their errors, and the functions they declare for the compiler. <see cref="Run"/> runs them, for
/// <c>campaignc run</c> and <c>simulate</c>; <c>campaignc validate</c> never does.
/// </summary>
public sealed class ProjectPlugins
{
    private readonly ImmutableArray<(string Script, Assembly Assembly)> _assemblies;
    private readonly ImmutableArray<PluginFunctionReader.Found> _functions;
    private readonly Func<string, string> _display;

    private ProjectPlugins(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<(string, Assembly)> assemblies,
        ImmutableArray<PluginFunctionReader.Found> functions, ImmutableArray<string> compiled, Func<string, string>? display = null)
    {
        _display = display ?? (path => path);
        Diagnostics = diagnostics;
        _assemblies = assemblies;
        _functions = functions;
        Compiled = compiled;
    }

    /// <summary>A project without plugins.</summary>
    public static ProjectPlugins None { get; } = new([], [], [], []);

    /// <summary>Errors in the scripts, at the scripts' own files and lines.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The functions the scripts declare, for <see cref="Compiler.CompilationOptions.PluginFunctions"/>.</summary>
    public ImmutableArray<FunctionSignature> Functions => [.. _functions.Select(f => f.Signature)];

    /// <summary>The scripts the C# compiler compiled this time (the others came from the cache).</summary>
    public ImmutableArray<string> Compiled { get; }

    /// <summary>
    /// Compiles the scripts of <paramref name="configuration"/>, or loads them from <paramref name="cache"/> (by default the
    /// one beside campaignc.yaml). Nothing in a script runs. <paramref name="display"/> turns a full path into the one printed.
    /// </summary>
    public static ProjectPlugins Compile(ProjectConfiguration configuration, Func<string, string> display, PluginCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Plugins.IsEmpty || configuration.FilePath is null)
        {
            return None;
        }

        cache ??= PluginCache.Beside(configuration.FilePath);
        var root = Compiler.Files.ProjectRoot.For(configuration.FilePath)(configuration.FilePath);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var assemblies = ImmutableArray.CreateBuilder<(string, Assembly)>();
        var functions = ImmutableArray.CreateBuilder<PluginFunctionReader.Found>();
        var compiled = ImmutableArray.CreateBuilder<string>();
        foreach (var script in configuration.Plugins)
        {
            string text;
            switch (Compiler.Files.BoundedFile.Read(script, PluginCache.MaxScriptBytes))
            {
                case Compiler.Files.BoundedRead.Read { Bytes.Length: <= (int)PluginCache.MaxScriptBytes } read:
                    text = System.Text.Encoding.UTF8.GetString(read.Bytes).TrimStart('\uFEFF');
                    break;
                case var other:
                    var why = other switch
                    {
                        Compiler.Files.BoundedRead.NotAFile notAFile => "it " + notAFile.Describe(),
                        Compiler.Files.BoundedRead.Failed failed => failed.Reason,
                        Compiler.Files.BoundedRead.Read => "it is larger than 1 MB",
                        _ => "it does not exist",
                    };
                    diagnostics.Add(DiagnosticCatalog.PluginCompileError(new SourceLocation(new SourceText(display(script), ""), new TextSpan(0, 0)), "IO", $"cannot read the script: {why}"));
                    continue;
            }

            // Only an image this user's campaignc signed is taken from the cache; anything else (a file copied over it,
            // one committed to the repository) is compiled again from the reviewed script and replaced.
            var image = cache.ReadTrusted(script, text);
            if (image is null)
            {
                var errors = PluginScriptCompiler.Compile(script, text, root, display, out image);
                compiled.Add(script);
                if (!errors.IsEmpty || image is null)
                {
                    diagnostics.AddRange(errors);
                    continue;
                }

                cache.Store(script, text, image);
            }

            var assembly = Assembly.Load(image);
            assemblies.Add((script, assembly));
            foreach (var found in PluginFunctionReader.Read(assembly, script).Functions)
            {
                if (functions.FirstOrDefault(f => f.Signature.Name == found.Signature.Name) is { } earlier)
                {
                    diagnostics.Add(DiagnosticCatalog.PluginFunctionInvalid(new SourceLocation(new SourceText(display(script), text), new TextSpan(0, 0)),
                        found.Signature.Name, $"is already added by {display(earlier.Script)}; give one of them another name"));
                    continue;
                }

                functions.Add(found);
            }
        }

        return new ProjectPlugins(diagnostics.ToImmutable(), assemblies.ToImmutable(), functions.ToImmutable(), compiled.ToImmutable(), display);
    }

    /// <summary>
    /// Runs each script once, in the order of <c>plugins:</c>, collecting the senders and data sources it adds, and makes
    /// its functions callable from plans and templates (<see cref="PluginFunctions"/>). Throws <see cref="PluginException"/>
    /// naming the script when one fails, and <see cref="Runtime.Plugins.PluginStoppedException"/> when one runs past its limits.
    /// </summary>
    /// <param name="limits">What each call into a script may spend: its run here, and every call to a function it adds.</param>
    public PluginRegistrations Run(PluginLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var registrations = new PluginRegistrations();
        foreach (var (script, assembly) in _assemblies)
        {
            var factory = assembly.GetType("Submission#0")?.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static)
                ?? throw new PluginException($"the compiled plugin script {script} has no entry point; delete the plugin cache and run again");
            try
            {
                limits.Call(_display(script), "the script", () =>
                {
                    // A script's submission array holds its globals, then the submission itself. Its code after an await
                    // runs on another thread, out of reach of the checks: the wait for it is bounded instead.
                    var run = (Task<object>)factory.Invoke(null, [new object?[] { new PluginGlobals(registrations), null }])!;
                    return ((IAsyncResult)run).AsyncWaitHandle.WaitOne(limits.TimeLimit)
                        ? run.GetAwaiter().GetResult()
                        : throw new PluginLimitExceededException(PluginLimit.Time);
                });
            }
            catch (Exception e) when (e is TargetInvocationException or InvalidOperationException or ArgumentException or IOException or NotSupportedException or FormatException)
            {
                var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
                throw new PluginException($"plugin script {script} failed while it ran: {inner.Message}", inner);
            }
        }

        PluginFunctions.Register(_functions.Select(f =>
        {
            var (script, what, invoke) = (_display(f.Script), $"plugin function `{f.Signature.Name}`", f.Function.Invoke);
            return f.Function with { Invoke = arguments => limits.Call(script, what, () => invoke(arguments)) };
        }));
        return registrations;
    }
}
