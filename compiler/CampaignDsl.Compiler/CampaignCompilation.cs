using System.Collections.Frozen;
using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Semantics.Checks;
using CampaignDsl.Compiler.Semantics.Importing;
using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Compiler;

/// <summary>
/// A set of campaign files checked together. The pipeline: read and parse every file, then run the
/// checks below over every campaign, then the checks that span files; last, the lint rules
/// (Analyzers/) over every campaign that has no errors.
/// </summary>
public sealed class CampaignCompilation
{
    private static readonly ImmutableArray<ICampaignCheck> Checks =
    [
        new DeclarationCheck(),
        new SettingsCheck(),
        new StageTimingCheck(),
        new ConditionCheck(),
        new NeverHappenedCheck(),
        new MessageCheck(),
        new TemplateCheck(),
        new TemplateValueCheck(),
        new AudienceCheck(),
        new IncentiveCheck(),
        new IncentiveUseCheck(),
        new PolicyCheck(),
        new StageContentCheck(),
        new StageConditionCheck(),
        new StageReachabilityCheck(),
        new ConditionalDeliveryCheck(),
        new ClickRuleCheck(),
    ];

    /// <summary>The checks of a file's top-level segments and incentives, run once per file (imported files too).</summary>
    private static readonly ImmutableArray<ICampaignCheck> SharedDeclarationChecks =
    [
        new ConditionCheck(),
        new NeverHappenedCheck(),
        new IncentiveCheck(),
    ];

    private CampaignCompilation(ImmutableArray<SyntaxTree> trees, ImportGraph imports, ImmutableArray<Diagnostic> diagnostics)
    {
        SyntaxTrees = trees;
        Imports = imports;
        Diagnostics = diagnostics;
    }

    public ImmutableArray<SyntaxTree> SyntaxTrees { get; }

    /// <summary>The files the compiled files import, read once here and reused by the plan emitter.</summary>
    public ImportGraph Imports { get; }

    /// <summary>All diagnostics, in file order, then by position within each file.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Reads, parses and checks files given as (path, content); files are processed in parallel.</summary>
    public static CampaignCompilation Compile(IReadOnlyList<(string Path, byte[] Content)> files, CompilationOptions? options = null) =>
        Compile(DeepStack.Map(files, f => SyntaxTree.Load(f.Path, f.Content)), options);

    public static CampaignCompilation Compile(IReadOnlyList<SyntaxTree> trees, CompilationOptions? options = null)
    {
        var templates = options?.Templates is { } templateSource ? new Templates.TemplateLibrary(templateSource) : null;
        var schema = options?.Schema ?? ContactSchema.Default;
        var events = options?.Events ?? EventCatalog.Default;
        var pluginFunctions = (options?.PluginFunctions ?? []).DistinctBy(f => f.Name, StringComparer.Ordinal).ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        var imports = ImportGraph.Build(trees, options?.Imports);
        var compiled = trees.SelectMany(t => t.Root?.Campaigns ?? []).Where(c => !c.Name.IsMissing)
            .Select(c => c.Name.Name).ToFrozenSet(StringComparer.Ordinal);
        var importedOnly = imports.ImportedOnly
            .SelectMany(t => (t.Root?.Campaigns ?? []).Where(c => !c.Name.IsMissing).Select(c => (c.Name.Name, t.Source.Path)))
            .DistinctBy(c => c.Name).ToFrozenDictionary(c => c.Name, c => c.Path, StringComparer.Ordinal);

        var linter = new Analyzers.Linter(options?.Configuration ?? Configuration.ProjectConfiguration.Default);

        // An imported file is checked once, whether or not it is also compiled; only compiled files' campaigns are checked.
        var isCompiled = trees.ToHashSet(ReferenceEqualityComparer.Instance);
        var perFile = DeepStack.Map([.. trees, .. imports.ImportedOnly], tree =>
        {
            var bag = new DiagnosticBag();
            bag.AddRange(tree.Diagnostics);
            var fileImports = imports.ImportsOf(tree);
            if (tree.Root is { } root && (root.Segments.Any() || root.Incentives.Any()))
            {
                var shared = CampaignScope.ForSharedDeclarations(tree, schema, events, fileImports, pluginFunctions);
                foreach (var check in SharedDeclarationChecks)
                {
                    check.Check(shared, bag);
                }
            }

            // Lint rules run over the campaigns that compiled without errors, once the checks are done.
            var fileHasErrors = bag.HasErrors;
            var lintable = new List<CampaignScope>();
            foreach (var campaign in isCompiled.Contains(tree) ? tree.Root?.Campaigns ?? [] : [])
            {
                var scope = new CampaignScope(tree, campaign, schema, events, fileImports)
                {
                    Templates = templates,
                    CompiledCampaigns = compiled,
                    ImportedOnlyCampaigns = importedOnly,
                    PluginFunctions = pluginFunctions,
                };
                var checkedCampaign = new DiagnosticBag();
                foreach (var check in Checks)
                {
                    check.Check(scope, checkedCampaign);
                }

                bag.AddRange(checkedCampaign.ToImmutable());
                if (!fileHasErrors && !checkedCampaign.HasErrors)
                {
                    lintable.Add(scope);
                }
            }

            if (isCompiled.Contains(tree))
            {
                linter.Lint(tree, lintable, bag);
            }

            return bag;
        });

        var crossFile = new DiagnosticBag();
        crossFile.AddRange(imports.Diagnostics);
        CampaignNames.ReportDuplicates(trees, crossFile);
        var all = perFile.SelectMany(bag => bag.ToImmutable()).Concat(crossFile.ToImmutable());
        // A template shared by several sends reports its own mistakes once.
        return new CampaignCompilation([.. trees], imports, Sort(all.Distinct(), trees));
    }

    private static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<SyntaxTree> trees)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < trees.Count; i++)
        {
            fileOrder.TryAdd(trees[i].Source.Path, i);
        }

        return [.. diagnostics
            .OrderBy(d => fileOrder.GetValueOrDefault(d.Location.Path, int.MaxValue))
            .ThenBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)];
    }
}
